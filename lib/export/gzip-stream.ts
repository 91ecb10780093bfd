/**
 * gzip of a byte stream with node:zlib. Deterministic: Node writes the gzip header with mtime 0,
 * no file name and the Unix OS byte (1f 8b 08 00 00000000 00 03, checked by a test), and deflate's
 * output depends only on the input bytes and the level, not on how the input is chunked. The same
 * bytes therefore need the same Node (zlib) build; a zlib upgrade may change the compressed bytes
 * (never the content).
 */
import { pipeline, Readable } from "node:stream";
import { createGzip } from "node:zlib";

export async function* gzipStream(
  chunks: AsyncIterable<Uint8Array>,
  options: { level?: number } = {},
): AsyncGenerator<Uint8Array> {
  const source = Readable.from(chunks);
  const gzip = createGzip({ level: options.level ?? 6 });
  // An error in the source destroys `gzip` with it, which ends the loop below with that error;
  // a consumer that stops early destroys `gzip`, and the source with it.
  pipeline(source, gzip, () => {});
  try {
    for await (const chunk of gzip) yield chunk as Buffer;
  } finally {
    // Closing the source runs the `finally` blocks of its generators (temporary files...): wait
    // for that, so that an export is cleaned up when its consumer's loop ends.
    if (!source.closed) {
      const closed = new Promise((resolve) => source.once("close", resolve));
      source.destroy();
      await closed;
    }
  }
}
