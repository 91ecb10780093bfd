// Bad inputs for the API fuzz suite: mostly-valid values built from an operation's own zod schema
// (through its JSON Schema), with hostile leaves mixed in, so a NUL or a lone surrogate gets past
// the other fields' checks and as far as the database.
import fc from "fast-check";
import { z } from "zod";

type TJsonSchema = {
  $ref?: string;
  $defs?: Record<string, TJsonSchema>;
  type?: string | string[];
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  additionalProperties?: boolean | TJsonSchema;
  items?: TJsonSchema;
  prefixItems?: TJsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
};

/** Strings that have broken servers: NUL, lone surrogates, bad escapes, huge, formulas, markup. */
export const evilString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfffy") },
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\ud83d",
    "",
    " ",
    "%E0%A4%A",
    "%00",
    "../../etc/passwd",
    '=HYPERLINK("http://evil.example")',
    "<script>alert(1)</script>",
    "9999999999999999999",
    "-1",
    "null",
    "\u202e\u200b",
  ),
  fc.constantFrom(100_000, 1_100_000).map((n) => "x".repeat(n)),
  fc.string({ unit: "binary", maxLength: 12 }),
);

export const evilNumber = fc.constantFrom(-1, -0, 0.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 9.99e18, 1e21);

/** A value nested `depth` levels deep, as JSON text (JSON.stringify would itself recurse). */
export function deepJson(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? "[".repeat(depth) + "]".repeat(depth)
    : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const wrongType = fc.constantFrom<unknown>(null, true, [], {}, "text", 7, [[["x"]]], { "\u0000": 1 });

export const evilValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: evilString },
  evilNumber,
  wrongType,
  fc.dictionary(evilString, fc.constantFrom<unknown>("\u0000", 1, null), { maxKeys: 2 }),
);

/** Real values the sampler uses for uuid fields, so bodies reach past "not found". */
export type TKnownIds = { uuids: string[] };

/** Valid values of a JSON Schema, as far as a schema says (refinements aside). */
function sampler(root: TJsonSchema, known: TKnownIds) {
  const defs = root.$defs ?? {};
  const leaf = (valid: fc.Arbitrary<unknown>) => valid;
  const build = (schema: TJsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (depth > 8) return fc.constant(null);
    if (schema.$ref) return build(defs[schema.$ref.replace("#/$defs/", "")] ?? {}, depth + 1);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches?.length) return fc.oneof(...branches.map((b) => build(b, depth + 1)));
    if (schema.allOf?.length) return build(schema.allOf[0], depth + 1);
    if (schema.const !== undefined) return leaf(fc.constant(schema.const));
    if (schema.enum) return leaf(fc.constantFrom(...schema.enum));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case "object": {
        const properties = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const shape = Object.fromEntries(
          Object.entries(properties).map(([k, s]) => [k, build(s, depth + 1)]),
        );
        const requiredKeys = Object.keys(shape).filter((k) => required.has(k));
        const record = fc.record(shape, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
        if (!schema.properties && schema.additionalProperties && schema.additionalProperties !== true) {
          const value = build(schema.additionalProperties, depth + 1);
          return fc.dictionary(fc.oneof(fc.constantFrom("label", "text", "sentiment"), evilString), value, {
            maxKeys: 3,
          });
        }
        return record;
      }
      case "array": {
        if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => build(s, depth + 1)));
        const min = schema.minItems ?? 0;
        return fc.array(build(schema.items ?? {}, depth + 1), {
          minLength: min,
          maxLength: Math.min(schema.maxItems ?? min + 3, min + 3),
        });
      }
      case "string":
        if (schema.format === "uuid") return leaf(fc.constantFrom(...known.uuids));
        if (schema.format === "email") return leaf(fc.uuid().map((u) => `fuzz-${u.slice(0, 8)}@example.com`));
        if (schema.format === "date-time") return leaf(fc.constant(new Date(0).toISOString()));
        return leaf(
          fc
            .stringMatching(/^[a-z][a-z0-9_]{2,12}$/)
            .map((s) =>
              schema.minLength && s.length < schema.minLength ? s.padEnd(schema.minLength, "x") : s,
            ),
        );
      case "integer":
      case "number": {
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1;
        const max = Math.max(min, Math.min(schema.maximum ?? min + 100, min + 100));
        return leaf(type === "integer" ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }));
      }
      case "boolean":
        return leaf(fc.boolean());
      case "null":
        return fc.constant(null);
      default:
        return evilValue;
    }
  };
  return build(root, 0);
}

/** Arbitrary values for a zod input schema: valid ones, with one leaf or key made hostile, or a field added. */
export function valuesFor(schema: z.ZodType, known: TKnownIds): fc.Arbitrary<unknown> {
  const jsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as TJsonSchema;
  return fc
    .tuple(
      sampler(jsonSchema, known),
      fc.nat(),
      fc.constantFrom<("value" | "key" | "extra")[]>("value", "value", "value", "value", "key", "extra"),
      evilValue,
    )
    .map(([valid, pick, how, evil]) => mutateOne(valid, pick, how, evil));
}

/** `value` with its `pick`-th leaf (modulo their number) replaced, its key made hostile, or a field added beside it. */
function mutateOne(value: unknown, pick: number, how: "value" | "key" | "extra", evil: unknown): unknown {
  const spots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    const entries = Array.isArray(node)
      ? node.map((v, i) => [i, v] as const)
      : node && typeof node === "object"
        ? Object.entries(node)
        : [];
    for (const [key, child] of entries) {
      spots.push({ parent: node as Record<string, unknown>, key });
      walk(child);
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (!spots.length) return how === "extra" || !copy || typeof copy !== "object" ? evil : copy;
  const { parent, key } = spots[pick % spots.length];
  if (Array.isArray(parent) || how === "value") (parent as Record<string, unknown>)[key] = evil;
  else if (how === "key") {
    const bad = typeof evil === "string" ? evil : "\u0000";
    (parent as Record<string, unknown>)[`${String(key)}${bad}`] = parent[key as string];
    delete parent[key as string];
  } else (parent as Record<string, unknown>)[typeof evil === "string" ? evil : "unknown"] = evil;
  return copy;
}

/** A request body as text: a sampled value, or JSON no parser should choke on. */
export function bodyTextFor(schema: z.ZodType, known: TKnownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: valuesFor(schema, known).map((v) => JSON.stringify(v) ?? "null") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        deepJson(5_000, "array"),
        deepJson(5_000, "object"),
        `{"values":${deepJson(3_000, "object")}}`,
        '{"name":"\\ud800"}',
        '{"\\u0000":1}',
        "{",
        "",
        "1e999999",
        "[]",
        "null",
      ),
    },
  );
}

/** Path parameter values: mostly the real one, else what a careless client or a probe sends. */
export function paramFor(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(real) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "%E0%A4%A",
        "%00",
        "\u0000",
        "\ud800",
        "9999999999999999999",
        "99999999999999999999999",
        "-1",
        "0",
        "1e3",
        "00000000-0000-0000-0000-000000000000",
        "x".repeat(5_000),
        `${real}\u0000`,
      ),
    },
  );
}

/** A query string from a zod query schema's sampled values, with strings only, as URLs carry. */
export function queryFor(schema: z.ZodType | undefined, known: TKnownIds): fc.Arbitrary<string> {
  const values = schema ? valuesFor(schema, known) : fc.constant({});
  return fc.tuple(values, fc.option(fc.tuple(evilString, evilString), { freq: 4 })).map(([v, extra]) => {
    const params = new URLSearchParams();
    if (v && typeof v === "object" && !Array.isArray(v))
      for (const [k, value] of Object.entries(v))
        params.append(k, typeof value === "string" ? value : JSON.stringify(value));
    if (extra) params.append(extra[0] || "unknown", extra[1]);
    const text = params.toString();
    return text ? `?${text}` : "";
  });
}

/** An items upload: JSON lines, a JSON array or CSV, with hostile cells. */
export const importBody = fc
  .tuple(
    fc.constantFrom("application/x-ndjson", "application/json", "text/csv"),
    fc.array(fc.tuple(fc.oneof(fc.constant("ok"), evilString), fc.oneof(fc.constant("text"), evilString)), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([contentType, rows]) => {
    const records = rows.map(([text, key]) => ({ externalId: key, data: { text } }));
    if (contentType === "application/json") return { contentType, text: JSON.stringify(records) };
    if (contentType === "text/csv") {
      const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
      return {
        contentType,
        text: ["id,text", ...rows.map(([t, k]) => `${quote(k)},${quote(t)}`)].join("\n"),
      };
    }
    return { contentType, text: records.map((r) => JSON.stringify(r)).join("\n") };
  });
