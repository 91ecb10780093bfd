import { DEFINITION_KEY_RE, MAX_RANKING_RESPONSES, MIN_RANKING_RESPONSES } from "@/lib/label-definitions/label-limits";
import type { TFieldProblem } from "./import-types";
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
