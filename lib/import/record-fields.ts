import {
  DEFINITION_KEY_RE,
  MAX_RANKING_RESPONSES,
  MIN_RANKING_RESPONSES,
} from "@/lib/label-definitions/label-limits";
import type { TFieldProblem, TImportAnnotation } from "./import-types";
import { describeJsonType } from "./json-record";

export const MAX_EXTERNAL_ID_LENGTH = 200;
export const MIN_PRIORITY = -1_000_000;
export const MAX_PRIORITY = 1_000_000;

/*
 * Field readers shared by API mode and mapping mode. Each returns the value and pushes problems
 * (instead of throwing or allocating a result object) because they run once per record on the
 * import hot path. `path` names the field as the user wrote it: "externalId" in API mode, the
 * column name in mapping mode. `lenient` is mapping mode, where values may be spreadsheet strings
 * and a blank cell means "not given".
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readExternalId(
  value: unknown,
  path: string,
  lenient: boolean,
  problems: TFieldProblem[],
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    if (value.length === 0 || (lenient && value.trim().length === 0)) {
      if (lenient) return null;
      problems.push({ path, message: "externalId must not be empty (leave it out instead)" });
      return null;
    }
    if (value.length > MAX_EXTERNAL_ID_LENGTH) {
      problems.push({
        path,
        message: `externalId must be at most ${MAX_EXTERNAL_ID_LENGTH} characters, got ${value.length}`,
      });
      return null;
    }
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      problems.push({
        path,
        message: `externalId ${value} is too large to be exact as a number: send it as a string`,
      });
      return null;
    }
    return String(value);
  }
  problems.push({ path, message: `externalId must be a string or a number, got ${describeJsonType(value)}` });
  return null;
}

const INTEGER_TEXT = /^[+-]?\d+(?:\.0*)?$/;

export function readPriority(
  value: unknown,
  path: string,
  lenient: boolean,
  problems: TFieldProblem[],
): number {
  if (value === undefined || value === null) return 0;
  let n: number | null = null;
  if (typeof value === "number") {
    n = Number.isInteger(value) ? value : null;
  } else if (lenient && typeof value === "string") {
    const text = value.trim();
    if (text.length === 0) return 0;
    n = INTEGER_TEXT.test(text) ? Number(text) : null;
  }
  if (n !== null && n >= MIN_PRIORITY && n <= MAX_PRIORITY) return n === 0 ? 0 : n;
  const got =
    typeof value === "string"
      ? JSON.stringify(value)
      : typeof value === "number"
        ? String(value)
        : describeJsonType(value);
  problems.push({
    path,
    message: `${lenient ? `priority field '${path}'` : "priority"} must be an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}, got ${got}`,
  });
  return 0;
}

export function readPredictions(
  value: unknown,
  path: string,
  lenient: boolean,
  problems: TFieldProblem[],
): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  let parsed: unknown = value;
  if (lenient && typeof value === "string") {
    if (value.trim().length === 0) return null;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      problems.push({
        path,
        message: `predictions field '${path}' is not valid JSON: ${(error as Error).message}`,
      });
      return null;
    }
    if (parsed === null) return null;
  }
  if (!isPlainObject(parsed)) {
    problems.push({
      path,
      message: `predictions must be an object keyed by label definition key, got ${describeJsonType(parsed)}`,
    });
    return null;
  }
  let ok = true;
  for (const key of Object.keys(parsed)) {
    if (!DEFINITION_KEY_RE.test(key)) {
      ok = false;
      problems.push({
        path: `${path}.${key}`,
        message: "not a label definition key (a lowercase letter, then lowercase letters, digits or _)",
      });
    }
  }
  return ok ? parsed : null;
}

const NON_SPACE = /\S/;

export function checkTextFields(
  data: Record<string, unknown>,
  fields: readonly string[],
  problems: TFieldProblem[],
): void {
  for (const field of fields) {
    const value = Object.hasOwn(data, field) ? data[field] : undefined;
    if (value === undefined || value === null) {
      problems.push({ path: `data.${field}`, message: `missing text field '${field}'` });
    } else if (typeof value !== "string") {
      problems.push({
        path: `data.${field}`,
        message: `text field '${field}' must be a string, got ${describeJsonType(value)}`,
      });
    } else if (!NON_SPACE.test(value)) {
      problems.push({ path: `data.${field}`, message: `text field '${field}' is empty` });
    }
  }
}

/** Fields a ranking orders: each must hold an array of MIN..MAX_RANKING_RESPONSES strings. */
export function checkResponsesFields(
  data: Record<string, unknown>,
  fields: readonly string[],
  problems: TFieldProblem[],
): void {
  for (const field of fields) {
    const value = Object.hasOwn(data, field) ? data[field] : undefined;
    if (!Array.isArray(value) || !value.every((r) => typeof r === "string")) {
      problems.push({
        path: `data.${field}`,
        message: `responses field '${field}' must be an array of strings (the responses to rank), got ${
          value === undefined ? "nothing" : describeJsonType(value)
        }`,
      });
    } else if (value.length < MIN_RANKING_RESPONSES || value.length > MAX_RANKING_RESPONSES) {
      problems.push({
        path: `data.${field}`,
        message: `responses field '${field}' must hold ${MIN_RANKING_RESPONSES} to ${MAX_RANKING_RESPONSES} responses, got ${value.length}`,
      });
    }
  }
}

/** Sets a property even when it is named "__proto__" (plain assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export const MAX_ANNOTATOR_LENGTH = 200;
const MAX_ANNOTATIONS_PER_RECORD = 1000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The existing labels of a record: `[{annotator, values, createdAt?}]`. Checks the shape only (the
 * values are checked against the project's definitions later, by the server). An annotator giving
 * two annotations to one item is a problem: which one would count?
 */
export function readAnnotations(
  value: unknown,
  path: string,
  problems: TFieldProblem[],
): TImportAnnotation[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.push({ path, message: `annotations must be an array, got ${describeJsonType(value)}` });
    return null;
  }
  if (value.length > MAX_ANNOTATIONS_PER_RECORD) {
    problems.push({ path, message: `at most ${MAX_ANNOTATIONS_PER_RECORD} annotations per item` });
    return null;
  }
  const out: TImportAnnotation[] = [];
  const seen = new Map<string, number>();
  const before = problems.length;
  value.forEach((entry: unknown, index) => {
    const at = `${path}.${index}`;
    if (!isPlainObject(entry)) {
      problems.push({ path: at, message: `an annotation must be an object {annotator, values, createdAt?}` });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (key !== "annotator" && key !== "values" && key !== "createdAt") {
        problems.push({
          path: `${at}.${key}`,
          message: "unknown field: an annotation is {annotator, values, createdAt?}",
        });
      }
    }
    const annotator = readAnnotator(entry.annotator, `${at}.annotator`, problems);
    if (annotator !== null) {
      const earlier = seen.get(annotator);
      if (earlier !== undefined) {
        problems.push({
          path: `${at}.annotator`,
          message: `${JSON.stringify(annotator)} already gave annotation ${earlier} of this item: one annotation per annotator and item`,
        });
      } else seen.set(annotator, index);
    }
    if (!isPlainObject(entry.values)) {
      problems.push({
        path: `${at}.values`,
        message: `values must be an object {<definitionKey>: value}, got ${describeJsonType(entry.values)}`,
      });
    }
    const createdAt = readCreatedAt(entry.createdAt, `${at}.createdAt`, problems);
    if (annotator !== null && isPlainObject(entry.values)) {
      out.push({ annotator, values: entry.values, createdAt });
    }
  });
  return problems.length > before ? null : out;
}

export function readAnnotator(value: unknown, path: string, problems: TFieldProblem[]): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== "string" || value.trim().length === 0) {
    problems.push({
      path,
      message: `annotator must be a non-empty string (an email or an id), got ${describeJsonType(value)}`,
    });
    return null;
  }
  if (value.length > MAX_ANNOTATOR_LENGTH) {
    problems.push({ path, message: `annotator must be at most ${MAX_ANNOTATOR_LENGTH} characters` });
    return null;
  }
  return value.trim();
}

export function readCreatedAt(value: unknown, path: string, problems: TFieldProblem[]): string | null {
  if (value === undefined || value === null) return null;
  const instant =
    typeof value === "string" && ISO_INSTANT.test(value) ? storableInstant(Date.parse(value)) : null;
  if (instant !== null) return instant;
  problems.push({
    path,
    message: "createdAt must be an ISO 8601 time with a zone from year 1 to 9999, e.g. 2026-03-01T12:00:00Z",
  });
  return null;
}

/**
 * A time in milliseconds as the ISO text PostgreSQL stores, or null when it has none: not a time,
 * or outside years 1 to 9999 (PostgreSQL reads neither year 0 nor the six-digit years of
 * `toISOString`, and a failing COPY would end the import with a 500 instead of naming the field).
 */
export function storableInstant(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) && !iso.startsWith("0000") ? iso : null;
}
