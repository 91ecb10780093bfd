import "server-only";
import { tooLarge } from "@/lib/server/errors";
import { numberSetting } from "@/lib/settings/number-settings";

/** The largest upload accepted (CONCORD_MAX_UPLOAD_BYTES, default 512 MiB); read per request. */
export function maxUploadBytes(): number {
  return numberSetting("CONCORD_MAX_UPLOAD_BYTES");
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
