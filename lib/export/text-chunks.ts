/** Target size of the chunks that the text formats yield (UTF-16 code units, so ~64 KB of UTF-8). */
export const DEFAULT_CHUNK_CHARS = 64 * 1024;

/** Collects a byte stream into one Buffer (tests and small outputs only). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
