/**
 * Test helpers: feed an upload as many small byte chunks, the way a slow network would, so that
 * every reader has to carry lines, elements, quotes and UTF-8 characters across chunk boundaries.
 */
import type { TCollectOptions, TImportSummary } from "@/lib/import/collect-import";
import { collectImport } from "@/lib/import/collect-import";
import type {
  TImportFormat,
  TImportInput,
  TImportMapping,
  TImportRecord,
  TReadEntry,
  TReadOptions,
} from "@/lib/import/import-types";
import { readRecords } from "@/lib/import/read-records";

/** The UTF-8 bytes of `text` in chunks of `size` bytes (the last may be shorter). */
export async function* byteChunks(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

/** The UTF-8 bytes of `text` cut at the given byte offsets. */
export async function* cutAt(text: string, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const offsets = [...new Set(cuts.map((cut) => Math.min(Math.max(0, cut), bytes.length)))].sort(
    (a, b) => a - b,
  );
  let from = 0;
  for (const to of [...offsets, bytes.length]) {
    if (to > from) yield bytes.slice(from, to);
    from = to;
  }
}

export async function readAll(
  input: TImportInput,
  format: TImportFormat,
  options?: TReadOptions,
): Promise<TReadEntry[]> {
  const entries: TReadEntry[] = [];
  for await (const entry of readRecords(input, format, options)) entries.push(entry);
  return entries;
}

/** Reads `text` whole and in 1-, 3- and 7-byte chunks; fails unless all four agree. */
export async function readChunked(
  text: string,
  format: TImportFormat,
  options?: TReadOptions,
): Promise<TReadEntry[]> {
  const whole = await readAll(byteChunks(text, Number.MAX_SAFE_INTEGER), format, options);
  for (const size of [1, 3, 7]) {
    const chunked = await readAll(byteChunks(text, size), format, options);
    if (JSON.stringify(chunked) !== JSON.stringify(whole)) {
      throw new Error(
        `reading in ${size}-byte chunks gave ${JSON.stringify(chunked)}, whole: ${JSON.stringify(whole)}`,
      );
    }
  }
  return whole;
}

export function jsonl(records: unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + "\n";
}

/** Runs collectImport over `text` in `chunkSize`-byte chunks, collecting what onBatch receives. */
export async function runImport(
  text: string,
  format: TImportFormat = "jsonl",
  mapping?: TImportMapping,
  options: TCollectOptions = {},
  chunkSize = 7,
): Promise<{ summary: TImportSummary; records: TImportRecord[]; batches: TImportRecord[][] }> {
  const batches: TImportRecord[][] = [];
  const summary = await collectImport(byteChunks(text, chunkSize), format, mapping, {
    onBatch: (records) => {
      batches.push(records);
    },
    ...options,
  });
  return { summary, records: batches.flat(), batches };
}
