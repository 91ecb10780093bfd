/** Whether the bytes start with gzip's magic number, as a `.jsonl.gz` does whatever its name. */
export async function isGzipFile(file: Blob): Promise<boolean> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return magic[0] === 0x1f && magic[1] === 0x8b;
}

/** The file's text, decompressed in the browser (DecompressionStream) when it is gzip. */
export async function fileTextStream(file: Blob): Promise<ReadableStream<string>> {
  // The DOM typings give these transforms BufferSource writables; a Blob's stream is Uint8Array.
  type TBytesPair<T> = ReadableWritablePair<T, Uint8Array>;
  const bytes = (await isGzipFile(file))
    ? file.stream().pipeThrough(new DecompressionStream("gzip") as TBytesPair<Uint8Array>)
    : file.stream();
  return bytes.pipeThrough(new TextDecoderStream() as TBytesPair<string>);
}

/**
 * The start of a file as text, at most about `maxChars` (gzip decompressed), without reading the
 * rest: a preview of a large file costs what the preview shows. A broken gzip start throws.
 */
export async function readFileText(
  file: Blob,
  maxChars: number,
): Promise<{ text: string; isWhole: boolean; isGzip: boolean }> {
  const isGzip = await isGzipFile(file);
  if (!isGzip) {
    const text = await file.slice(0, maxChars).text();
    return { text, isWhole: file.size <= maxChars, isGzip };
  }
  const reader = (await fileTextStream(file)).getReader();
  let text = "";
  let isWhole = false;
  try {
    while (text.length < maxChars) {
      const chunk = await reader.read();
      if (chunk.done) {
        isWhole = true;
        break;
      }
      text += chunk.value;
    }
  } finally {
    if (!isWhole) await reader.cancel().catch(() => undefined);
  }
  return { text, isWhole, isGzip };
}

/**
 * The text of the given (1-based) lines of a file, read as a stream so that a large file is never
 * held whole: only the wanted lines are kept, each cut at `maxLineChars`.
 */
export async function readFileLines(
  file: Blob,
  wanted: ReadonlySet<number>,
  maxLineChars = 1024 * 1024,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const reader = (await fileTextStream(file)).getReader();
  let line = 1;
  let current = "";
  const keep = (piece: string) => {
    if (wanted.has(line) && current.length < maxLineChars) current += piece;
  };
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      let at = 0;
      for (let nl = chunk.value.indexOf("\n"); nl !== -1; nl = chunk.value.indexOf("\n", at)) {
        keep(chunk.value.slice(at, nl));
        if (wanted.has(line)) found.set(line, current.replace(/\r$/, "").slice(0, maxLineChars));
        current = "";
        line += 1;
        at = nl + 1;
      }
      keep(chunk.value.slice(at));
      if (line > last) break;
    }
    if (wanted.has(line) && current !== "") found.set(line, current.slice(0, maxLineChars));
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return found;
}
