import { decodeUtf8 } from "./decode-utf8";
import type { TImportFormat, TImportInput, TReadEntry, TReadOptions } from "./import-types";
import { DEFAULT_MAX_RECORD_CHARS, DEFAULT_READ_BATCH_SIZE } from "./json-record";
import { readCsvBatches } from "./read-csv";
import { readJsonArrayBatches } from "./read-json-array";
import { readJsonlBatches } from "./read-jsonl";

/**
 * Streams the records of an upload in batches of up to `batchSize` entries, in file order.
 * Never holds more than one record (and one input chunk) beyond the current batch.
 *
 * Per-record problems come out as `{line, error, fatal: false}` entries and reading goes on; a
 * broken file structure ends the stream with one `{fatal: true}` entry. Nothing is thrown for bad
 * input; errors of the input stream itself (e.g. a closed connection) propagate.
 * Stopping early (`break` / `return()`) closes the input.
 */
export function readRecordBatches(
  input: TImportInput,
  format: TImportFormat,
  options: TReadOptions = {},
): AsyncGenerator<TReadEntry[], void, undefined> {
  const batchSize = options.batchSize ?? DEFAULT_READ_BATCH_SIZE;
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const text = decodeUtf8(input);
  switch (format) {
    case "jsonl":
      return readJsonlBatches(text, { batchSize, maxRecordChars });
    case "json":
      return readJsonArrayBatches(text, { batchSize, maxRecordChars });
    case "csv":
      return readCsvBatches(text, { batchSize, maxRecordChars, delimiter: options.csvDelimiter ?? "," });
    default:
      throw new TypeError(`unknown import format: ${String(format satisfies never)}`);
  }
}

/** The same stream one entry at a time (convenient; the batched form is faster). */
export async function* readRecords(
  input: TImportInput,
  format: TImportFormat,
  options: TReadOptions = {},
): AsyncGenerator<TReadEntry, void, undefined> {
  for await (const batch of readRecordBatches(input, format, options)) yield* batch;
}
