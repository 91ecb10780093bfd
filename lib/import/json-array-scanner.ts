import type { TReadEntry, TReadError } from "./import-types";
import { parseJsonRecord, tooLongMessage } from "./json-record";

// Where the scanner is, outside of an element's own text.
const BEFORE_ARRAY = 0;
const FIRST_ELEMENT = 1; // right after "["
const NEXT_ELEMENT = 2; // right after a top-level ","
const IN_ELEMENT = 3;
const AFTER_ARRAY = 4;

const QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const NEWLINE = 10;

/**
 * Finds the elements of a top-level JSON array in text that arrives in pieces: it tracks
 * string/escape state and bracket depth to see where each element ends, then JSON.parse checks
 * the element itself. Only the current element is held. An element's line is where its first
 * character is. Synchronous and allocation-free per character: this loop sees every byte.
 */
export class JsonArrayScanner {
  private phase = BEFORE_ARRAY;
  private line = 1;
  private arrayLine = 1;
  private commaLine = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementLine = 0;
  private parts: string[] = [];
  private partsLength = 0;
  private tooLong = false;

  constructor(private readonly maxRecordChars: number) {}

  /** The current line (where the next character would be). */
  get currentLine(): number {
    return this.line;
  }

  /** Scans one piece of text, pushing entries to `out`. Returns a fatal error, which ends the input. */
  scan(chunk: string, out: TReadEntry[]): TReadError | null {
    const length = chunk.length;
    let { depth, inString, escaped } = this;
    let elementStart = this.phase === IN_ELEMENT ? 0 : -1;
    // Lines are counted lazily with indexOf: lineAt(i) is the line of chunk[i].
    let line = this.line;
    let newline = chunk.indexOf("\n");
    const lineAt = (i: number): number => {
      while (newline !== -1 && newline < i) {
        line++;
        newline = chunk.indexOf("\n", newline + 1);
      }
      return line;
    };
    // Inside strings, jump from quote/backslash to quote/backslash (most of the text is strings).
    let quote = -1;
    let backslash = -1;
    let i = 0;
    while (i < length) {
      if (this.phase === IN_ELEMENT) {
        if (inString) {
          if (escaped) {
            escaped = false;
            i++;
            continue;
          }
          if (quote < i) quote = indexOrLength(chunk, '"', i);
          if (backslash < i) backslash = indexOrLength(chunk, "\\", i);
          if (backslash < quote) {
            escaped = true;
            i = backslash + 1;
          } else {
            inString = quote === length;
            i = quote + 1;
          }
          continue;
        }
        const c = chunk.charCodeAt(i);
        if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
        else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
          this.finishElement(chunk.slice(elementStart, i), out);
          this.phase = c === COMMA ? NEXT_ELEMENT : AFTER_ARRAY;
          this.commaLine = lineAt(i);
        }
        i++;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 32 || c === NEWLINE || c === 13 || c === 9) {
        i++;
        continue;
      }
      switch (this.phase) {
        case BEFORE_ARRAY:
          if (c !== OPEN_BRACKET) return this.fatalAt(lineAt(i), notAnArrayMessage(c));
          this.phase = FIRST_ELEMENT;
          this.arrayLine = lineAt(i);
          break;
        case FIRST_ELEMENT:
        case NEXT_ELEMENT:
          if (c === CLOSE_BRACKET) {
            if (this.phase === NEXT_ELEMENT) {
              out.push({ line: this.commaLine, error: "a comma after the last element", fatal: false });
            }
            this.phase = AFTER_ARRAY;
          } else if (c === COMMA) {
            out.push({ line: lineAt(i), error: "an empty element (a stray comma)", fatal: false });
            this.phase = NEXT_ELEMENT;
            this.commaLine = lineAt(i);
          } else {
            this.phase = IN_ELEMENT;
            this.elementLine = lineAt(i);
            elementStart = i;
            depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0;
            inString = c === QUOTE;
            escaped = false;
          }
          break;
        case AFTER_ARRAY:
          return this.fatalAt(lineAt(i), `unexpected text after the end of the JSON array: ${quoteChar(c)}`);
      }
      i++;
    }
    this.line = lineAt(length);
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    if (this.phase === IN_ELEMENT && !this.tooLong) {
      const rest = elementStart === 0 ? chunk : chunk.slice(elementStart);
      this.parts.push(rest);
      this.partsLength += rest.length;
      if (this.partsLength > this.maxRecordChars) {
        this.tooLong = true;
        this.parts = [];
      }
    }
    return null;
  }

  /** Call at the end of the input: the fatal error for an array that is missing or not closed. */
  finish(): TReadError | null {
    const line = this.line;
    if (this.phase === BEFORE_ARRAY) {
      return { line, error: "the input is empty: expected a JSON array of records", fatal: true };
    }
    if (this.phase === AFTER_ARRAY) return null;
    const where =
      this.phase === IN_ELEMENT
        ? `the element starting on line ${this.elementLine} is incomplete`
        : "no closing ']'";
    return {
      line,
      error: `unexpected end of input: the JSON array opened on line ${this.arrayLine} is not closed (${where})`,
      fatal: true,
    };
  }

  private fatalAt(line: number, error: string): TReadError {
    this.line = line;
    return { line, error, fatal: true };
  }

  private finishElement(tail: string, out: TReadEntry[]): void {
    const { maxRecordChars } = this;
    if (this.tooLong || this.partsLength + tail.length > maxRecordChars) {
      out.push({ line: this.elementLine, error: tooLongMessage(maxRecordChars), fatal: false });
    } else {
      const text = this.parts.length === 0 ? tail : this.parts.join("") + tail;
      out.push(parseJsonRecord(text, this.elementLine));
    }
    this.parts = [];
    this.partsLength = 0;
    this.tooLong = false;
  }
}

function indexOrLength(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

function notAnArrayMessage(c: number): string {
  const hint = c === OPEN_BRACE ? " (one object per line is JSONL: send it as application/x-ndjson)" : "";
  return `expected a JSON array of records starting with '[', got ${quoteChar(c)}${hint}`;
}

function quoteChar(c: number): string {
  return JSON.stringify(String.fromCharCode(c));
}
