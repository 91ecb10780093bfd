import "server-only";
import { tooLarge } from "@/lib/server/errors";

/** The largest upload accepted (CONCORD_MAX_UPLOAD_BYTES, default 512 MiB); read per request. */
export function maxUploadBytes(): number {
  return Number(process.env.CONCORD_MAX_UPLOAD_BYTES ?? 512 * 1024 * 1024);
}

/** Passes a request body through, failing with 413 as soon as it grows past `maxBytes`. */
export async function* limitBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  let seen = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > maxBytes) throw tooLarge(`The upload is larger than the limit of ${maxBytes} bytes.`);
      yield value;
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => undefined);
  }
}
