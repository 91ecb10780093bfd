/**
 * `canonicalJson` for the import and export hot paths: the same text (a property test holds the
 * two equal), written in one pass over plain JSON data instead of through a Set of ancestors and
 * arrays joined per level. Object keys are sorted with the default sort (UTF-16 code units, which
 * also puts integer-like keys where canonical JSON wants them), escaped keys are cached (rows
 * repeat the same keys), and strings that need no escaping skip JSON.stringify.
 *
 * Anything this pass does not handle goes to `canonicalJson` itself, which also throws where it
 * throws: non-plain objects (Date and other toJSON holders, class instances), undefined,
 * functions, symbols, bigints, non-finite numbers, array holes, and nesting deeper than MAX_DEPTH
 * (including cycles).
 */
import { canonicalJson } from "./canonical-json";

const MAX_DEPTH = 64;
const MAX_CACHED_KEYS = 10_000;
/** Characters that JSON.stringify escapes (quote, backslash, controls) or may (surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

class General extends Error {}
const GENERAL = new General("general");

const keyCache = new Map<string, string>();

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function keyPrefix(key: string): string {
  let prefix = keyCache.get(key);
  if (prefix === undefined) {
    prefix = quote(key) + ":";
    if (keyCache.size < MAX_CACHED_KEYS) keyCache.set(key, prefix);
  }
  return prefix;
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (!Number.isFinite(value)) throw GENERAL;
      return String(value); // the same digits as JSON.stringify, "0" for -0
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw GENERAL;
  }
  if (value === null) return "null";
  if (depth >= MAX_DEPTH) throw GENERAL;
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw GENERAL; // a hole or undefined: the general path decides
      out += (i === 0 ? "" : ",") + write(item, depth + 1);
    }
    return out + "]";
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw GENERAL;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1] < keys[i])) {
      keys.sort();
      break;
    }
  }
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    out += (i === 0 ? "" : ",") + keyPrefix(key) + write(record[key], depth + 1);
  }
  return out + "}";
}

export function canonicalJsonFast(value: unknown): string {
  try {
    return write(value, 0);
  } catch (error) {
    if (error === GENERAL) return canonicalJson(value);
    throw error;
  }
}
