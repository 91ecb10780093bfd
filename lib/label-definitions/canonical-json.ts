/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, JS default sort), no whitespace,
 * strings and numbers serialized exactly as JSON.stringify does. For JSON values this matches
 * RFC 8785 (JCS), so equal values always give byte-identical text, suitable for hashing.
 *
 * Like JSON.stringify: `toJSON()` is honoured (e.g. Date), object properties whose value is
 * `undefined`, a function or a symbol are left out, and such values inside arrays become `null`.
 * Unlike JSON.stringify: non-finite numbers, bigints and cycles throw a TypeError
 * (a hash must never silently change meaning). Pure; runs in the browser and in Node.
 */
export function canonicalJson(value: unknown): string {
  const out = serialize(value, new Set());
  if (out === undefined) throw new TypeError("canonicalJson: the value has no JSON form");
  return out;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function hasToJson(value: object): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function serialize(input: unknown, ancestors: Set<object>): string | undefined {
  let value = input;
  if (value !== null && typeof value === "object" && hasToJson(value)) value = value.toJSON();
  if (isOmitted(value)) return undefined;
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case "bigint":
      throw new TypeError("canonicalJson: bigint is not a JSON value");
    case "object":
      break;
    default:
      return undefined;
  }
  const obj = value as object;
  if (ancestors.has(obj)) throw new TypeError("canonicalJson: cyclic structure");
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.map((item: unknown) => serialize(item, ancestors) ?? "null");
      return `[${items.join(",")}]`;
    }
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const serialized = serialize(record[key], ancestors);
      if (serialized !== undefined) parts.push(`${JSON.stringify(key)}:${serialized}`);
    }
    return `{${parts.join(",")}}`;
  } finally {
    ancestors.delete(obj);
  }
}
