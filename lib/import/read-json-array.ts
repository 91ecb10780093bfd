import { InvalidUtf8Error } from "./invalid-utf8-error";
import type { TReadEntry } from "./import-types";
import { JsonArrayScanner } from "./json-array-scanner";

type TJsonArrayOptions = { batchSize: number; maxRecordChars: number };

/**
 * A top-level JSON array, read element by element (see JsonArrayScanner). Runs in the browser
 * too (the import page's preview): no Node imports here or in what this file imports.
 * A broken element (bad JSON, an empty element from a stray comma) is a per-record error and
 * reading goes on; a broken array (no "[", not closed, text after "]") ends the stream.
 */
export async function* readJsonArrayBatches(
  text: AsyncIterable<string>,
  options: TJsonArrayOptions,
): AsyncGenerator<TReadEntry[], void, undefined> {
  const { batchSize } = options;
  const scanner = new JsonArrayScanner(options.maxRecordChars);
  let pending: TReadEntry[] = [];
  try {
    for await (const chunk of text) {
      const fatal = scanner.scan(chunk, pending);
      if (fatal !== null) {
        pending.push(fatal);
        yield* inBatches(pending, batchSize);
        return;
      }
      if (pending.length >= batchSize) {
        const full = pending.length - (pending.length % batchSize);
        yield* inBatches(pending.slice(0, full), batchSize);
        pending = pending.slice(full);
      }
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    pending.push({ line: scanner.currentLine, error: error.message, fatal: true });
    yield* inBatches(pending, batchSize);
    return;
  }
  const fatal = scanner.finish();
  if (fatal !== null) pending.push(fatal);
  yield* inBatches(pending, batchSize);
}

function* inBatches(entries: TReadEntry[], batchSize: number): Generator<TReadEntry[], void, undefined> {
  for (let at = 0; at < entries.length; at += batchSize) yield entries.slice(at, at + batchSize);
}
