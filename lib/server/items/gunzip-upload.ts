import "server-only";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { badRequest, tooLarge } from "@/lib/server/errors";

/**
 * The upload's bytes, decompressed when it is gzip (`Content-Encoding: gzip`, or a body starting
 * with gzip's magic bytes, as a `.jsonl.gz` does). Streams: the limit applies to the bytes after
 * decompression and is checked chunk by chunk, so a small file that inflates without end (a gzip
 * bomb) is refused with 413 as soon as it passes the limit, holding one chunk at a time.
 */
export async function* gunzipUpload(
  body: AsyncIterable<Uint8Array>,
  isDeclaredGzip: boolean,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const isGzip = isDeclaredGzip || (head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b);
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  if (!isGzip) {
    yield head;
    yield* rest;
    return;
  }
  const compressed = Readable.from(
    (async function* () {
      yield head;
      yield* rest;
    })(),
  );
  const gunzip = createGunzip();
  compressed.on("error", (error) => gunzip.destroy(error));
  compressed.pipe(gunzip);
  let seen = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      seen += chunk.byteLength;
      if (seen > maxBytes)
        throw tooLarge(`The upload is larger than the limit of ${maxBytes} bytes once decompressed.`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("Z_")) {
      throw badRequest(`The upload is not valid gzip: ${error.message}`, [
        { path: "(body)", message: "invalid gzip" },
      ]);
    }
    throw error;
  } finally {
    gunzip.destroy();
    compressed.destroy();
  }
}
