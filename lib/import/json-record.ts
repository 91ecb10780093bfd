import type { TFieldProblem, TReadEntry, TReadError } from "./import-types";

/** Parses one JSONL line or JSON array element; anything but an object is a per-record error. */
export function parseJsonRecord(text: string, line: number): TReadEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}`, fatal: false };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { line, error: `a record must be a JSON object, got ${describeJsonType(value)}`, fatal: false };
  }
  return { line, raw: value };
}

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** A record a dialect could not convert: its problems, each naming its field, and their summary. */
export function problemsEntry(line: number, problems: TFieldProblem[]): TReadError {
  return { line, error: problems.map((p) => `${p.path}: ${p.message}`).join("; "), fatal: false, problems };
}

/**
 * A value from the file as an error message shows it: a scalar as JSON, an object or array by its
 * type only (stringifying it whole could overflow the stack on deep nesting, or run to megabytes).
 */
export function showJsonValue(value: unknown): string {
  return typeof value === "object" && value !== null
    ? describeJsonType(value)
    : String(JSON.stringify(value));
}

export function tooLongMessage(maxChars: number): string {
  return `the record is longer than ${maxChars} characters and was skipped`;
}

export const DEFAULT_MAX_RECORD_CHARS = 8 * 1024 * 1024;
export const DEFAULT_READ_BATCH_SIZE = 1000;
