import { InvalidUtf8Error } from "./decode-utf8";
import type { TReadEntry } from "./import-types";
import { parseJsonRecord, tooLongMessage } from "./json-record";

type TJsonArrayOptions = { batchSize: number; maxRecordChars: number };

// Where the tokenizer is, outside of an element's own text.
const BEFORE_ARRAY = 0;
const FIRST_ELEMENT = 1; // right after "["
const NEXT_ELEMENT = 2; // right after a top-level ","
const IN_ELEMENT = 3;
const AFTER_ARRAY = 4;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const NEWLINE = 10;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * A top-level JSON array, read element by element: a small tokenizer tracks string/escape state
 * and bracket depth to find where each element ends, then JSON.parse checks the element itself.
 * Only the current element is held in memory. `line` is where the element's first character is.
 *
 * A broken element (bad JSON, an empty element from a stray comma) is a per-record error and
 * reading goes on; a broken array (no "[", not closed, text after "]") ends the stream.
 */
export async function* readJsonArrayBatches(
  text: AsyncIterable<string>,
  options: TJsonArrayOptions,
): AsyncGenerator<TReadEntry[], void, undefined> {
  const { batchSize, maxRecordChars } = options;
  let batch: TReadEntry[] = [];
  let phase: number = BEFORE_ARRAY;
  let commaLine = 0;
  let line = 1;
  let arrayLine = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let elementLine = 0;
  let parts: string[] = [];
  let partsLength = 0;
  let tooLong = false;

  const finishElement = (tail: string): void => {
    if (tooLong || partsLength + tail.length > maxRecordChars) {
      batch.push({ line: elementLine, error: tooLongMessage(maxRecordChars), fatal: false });
    } else {
      const elementText = parts.length === 0 ? tail : parts.join("") + tail;
      batch.push(parseJsonRecord(elementText, elementLine));
    }
    parts = [];
    partsLength = 0;
    tooLong = false;
  };
  const fatal = (message: string, at: number): TReadEntry[] => {
    batch.push({ line: at, error: message, fatal: true });
    return batch;
  };

  try {
    for await (const chunk of text) {
      let elementStart = phase === IN_ELEMENT ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === NEWLINE) line++;
        if (phase === IN_ELEMENT) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === BACKSLASH) escaped = true;
            else if (c === QUOTE) inString = false;
            continue;
          }
          if (c === QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
          else if (c === CLOSE_BRACE && depth > 0) depth--;
          else if (c === CLOSE_BRACKET && depth > 0) depth--;
          else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
            finishElement(chunk.slice(elementStart, i));
            phase = c === COMMA ? NEXT_ELEMENT : AFTER_ARRAY;
            commaLine = line;
            if (batch.length >= batchSize) {
              yield batch;
              batch = [];
            }
          }
          continue;
        }
        if (isWhitespace(c)) continue;
        switch (phase) {
          case BEFORE_ARRAY:
            if (c !== OPEN_BRACKET) {
              yield fatal(notAnArrayMessage(c), line);
              return;
            }
            phase = FIRST_ELEMENT;
            arrayLine = line;
            break;
          case FIRST_ELEMENT:
          case NEXT_ELEMENT:
            if (c === CLOSE_BRACKET) {
              if (phase === NEXT_ELEMENT) {
                batch.push({ line: commaLine, error: "a comma after the last element", fatal: false });
              }
              phase = AFTER_ARRAY;
            } else if (c === COMMA) {
              batch.push({ line, error: "an empty element (a stray comma)", fatal: false });
              phase = NEXT_ELEMENT;
              commaLine = line;
            } else {
              phase = IN_ELEMENT;
              elementLine = line;
              elementStart = i;
              depth = 0;
              escaped = false;
              inString = c === QUOTE;
              if (c === OPEN_BRACE || c === OPEN_BRACKET) depth = 1;
            }
            break;
          case AFTER_ARRAY:
            yield fatal(`unexpected text after the end of the JSON array: ${quoteChar(c)}`, line);
            return;
        }
      }
      if (phase === IN_ELEMENT && !tooLong) {
        const rest = elementStart === 0 ? chunk : chunk.slice(elementStart);
        parts.push(rest);
        partsLength += rest.length;
        if (partsLength > maxRecordChars) {
          tooLong = true;
          parts = [];
        }
      }
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    yield fatal(error.message, line);
    return;
  }
  if (phase === BEFORE_ARRAY) {
    yield fatal("the input is empty: expected a JSON array of records", line);
    return;
  }
  if (phase !== AFTER_ARRAY) {
    const where =
      phase === IN_ELEMENT ? `the element starting on line ${elementLine} is incomplete` : "no closing ']'";
    yield fatal(
      `unexpected end of input: the JSON array opened on line ${arrayLine} is not closed (${where})`,
      line,
    );
    return;
  }
  if (batch.length > 0) yield batch;
}

function notAnArrayMessage(c: number): string {
  const hint = c === OPEN_BRACE ? " (one object per line is JSONL: send it as application/x-ndjson)" : "";
  return `expected a JSON array of records starting with '[', got ${quoteChar(c)}${hint}`;
}

function quoteChar(c: number): string {
  return JSON.stringify(String.fromCharCode(c));
}
