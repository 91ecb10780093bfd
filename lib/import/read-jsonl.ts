import { InvalidUtf8Error } from "./invalid-utf8-error";
import type { TReadEntry } from "./import-types";
import { parseJsonRecord, tooLongMessage } from "./json-record";

type TJsonlOptions = { batchSize: number; maxRecordChars: number };

/**
 * JSON Lines: one object per line, split incrementally. Handles LF and CRLF, skips blank
 * (whitespace-only) lines, keeps counting lines across chunks. Only the current partial line is
 * held between chunks; a line over `maxRecordChars` is reported and skipped without being kept.
 */
export async function* readJsonlBatches(
  text: AsyncIterable<string>,
  options: TJsonlOptions,
): AsyncGenerator<TReadEntry[], void, undefined> {
  const { batchSize, maxRecordChars } = options;
  let batch: TReadEntry[] = [];
  let carry = "";
  let line = 1;
  let skippingLongLine = false;
  try {
    for await (const chunk of text) {
      let start = 0;
      let newline = chunk.indexOf("\n");
      while (newline !== -1) {
        if (skippingLongLine) {
          batch.push({ line, error: tooLongMessage(maxRecordChars), fatal: false });
          skippingLongLine = false;
        } else {
          const piece = chunk.slice(start, newline);
          const lineText = carry.length === 0 ? piece : carry + piece;
          carry = "";
          pushLine(batch, lineText, line, maxRecordChars);
        }
        line++;
        start = newline + 1;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
        newline = chunk.indexOf("\n", start);
      }
      if (start < chunk.length && !skippingLongLine) {
        carry = start === 0 ? carry + chunk : carry + chunk.slice(start);
        if (carry.length > maxRecordChars) {
          skippingLongLine = true;
          carry = "";
        }
      }
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    batch.push({ line, error: error.message, fatal: true });
    yield batch;
    return;
  }
  if (skippingLongLine) batch.push({ line, error: tooLongMessage(maxRecordChars), fatal: false });
  else if (carry.length > 0) pushLine(batch, carry, line, maxRecordChars);
  if (batch.length > 0) yield batch;
}

function pushLine(batch: TReadEntry[], text: string, line: number, maxRecordChars: number): void {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  if (end === 0) return;
  const body = end === text.length ? text : text.slice(0, end);
  // Fast path: a record line almost always starts with "{"; only other lines need the blank test.
  if (body.charCodeAt(0) !== 123 && body.trim().length === 0) return;
  if (body.length > maxRecordChars) {
    batch.push({ line, error: tooLongMessage(maxRecordChars), fatal: false });
    return;
  }
  batch.push(parseJsonRecord(body, line));
}
