/**
 * The Parquet shape of the items' `data`: a struct column with one child per top-level field,
 * typed where every row agrees, canonical JSON text where they do not (issue #12, point 3).
 *
 * Types come from the Hugging Face inference (hf-features.ts `observe`), run per top-level field so
 * that one mixed field does not turn the whole object into text: string → UTF8, bool → BOOLEAN,
 * int64 → INT64, float64 → DOUBLE (int64 and float64 merge to float64), arrays → LIST, objects →
 * struct with the union of their keys (sorted), a field seen only as null → UTF8. A field falls back
 * to JSON text when its values differ in kind anywhere inside, or when it holds an object no Parquet
 * group can describe (`{}` everywhere, an empty key). Every field is OPTIONAL: a row that lacks the
 * key reads null, as in `datasets` (missing and null look alike).
 *
 * When no field can be typed (no rows, `{}` everywhere, more than MAX_FIELDS keys) `data` stays one
 * UTF8 column of canonical JSON, as before.
 */
import type { SchemaElement } from "hyparquet-writer";

import type { THfType } from "./hf-features";
import { MAX_FIELDS, observe } from "./hf-features";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";

/** How a column reads: a type a reader decodes on its own, or `json` (canonical JSON text). */
export type TColumnKind = "string" | "bool" | "int64" | "float64" | "list" | "struct" | "json";

type TField = { name: string; type: THfType | null };
export type TDataPlan = { kind: "json" } | { kind: "struct"; fields: TField[] };

/** Collects the top-level fields' types over every row (the first of the export's two passes). */
export function dataTypeInference() {
  const fields = new Map<string, THfType>();
  return {
    observeData(data: Record<string, unknown>): void {
      for (const key of Object.keys(data)) fields.set(key, observe(fields.get(key), data[key]));
    },
    plan(): TDataPlan {
      if (fields.size === 0 || fields.size > MAX_FIELDS || fields.has("")) return { kind: "json" };
      const names = [...fields.keys()].sort();
      const typed = names.map((name) => {
        const type = fields.get(name) as THfType;
        return { name, type: isRepresentable(type) ? type : null };
      });
      return { kind: "struct", fields: typed };
    },
  };
}

function isRepresentable(type: THfType): boolean {
  switch (type.kind) {
    case "conflict":
      return false;
    case "list":
      return isRepresentable(type.item);
    case "struct":
      if (type.fields.size === 0) return false; // a Parquet group needs a child
      for (const [name, field] of type.fields) if (name === "" || !isRepresentable(field)) return false;
      return true;
    default:
      return true;
  }
}

function kindOf(type: THfType | null): TColumnKind {
  if (type === null || type.kind === "conflict") return "json";
  if (type.kind === "null") return "string";
  if (type.kind === "scalar") return type.dtype;
  return type.kind;
}

const LEAVES = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  json: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  bool: { type: "BOOLEAN" },
  int64: { type: "INT64" },
  float64: { type: "DOUBLE" },
} as const;

/** Schema elements (depth first) of one optional field. */
function fieldElements(name: string, type: THfType | null): SchemaElement[] {
  const kind = kindOf(type);
  if (type !== null && type.kind === "list") {
    return [
      { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
      { name: "list", repetition_type: "REPEATED", num_children: 1 },
      ...fieldElements("element", type.item),
    ];
  }
  if (type !== null && type.kind === "struct") {
    const names = [...type.fields.keys()].sort();
    return [
      { name, repetition_type: "OPTIONAL", num_children: names.length },
      ...names.flatMap((child) => fieldElements(child, type.fields.get(child) ?? null)),
    ];
  }
  return [{ name, repetition_type: "OPTIONAL", ...LEAVES[kind as keyof typeof LEAVES] }];
}

/** The `data` column's schema elements. */
export function dataSchema(plan: TDataPlan): SchemaElement[] {
  if (plan.kind === "json") {
    return [{ name: "data", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" }];
  }
  return [
    { name: "data", repetition_type: "REQUIRED", num_children: plan.fields.length },
    ...plan.fields.flatMap((field) => fieldElements(field.name, field.type)),
  ];
}

/** Column path → kind, for the file's column description (`data.meta`, not its leaves). */
export function dataColumnKinds(plan: TDataPlan): Record<string, TColumnKind> {
  if (plan.kind === "json") return { data: "json" };
  return Object.fromEntries(plan.fields.map((f) => [`data.${f.name}`, kindOf(f.type)]));
}

/** No prototype, so a data key named `__proto__` is a field like any other. */
function emptyCell(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** A value as the writer takes it: bigint for INT64, text for JSON fields, null for missing. */
function toCell(type: THfType | null, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === null || type.kind === "conflict") return canonicalJsonFast(value);
  switch (type.kind) {
    case "null":
      return null;
    case "scalar":
      return type.dtype === "int64" ? BigInt(value as number) : value;
    case "list":
      return (value as unknown[]).map((item) => toCell(type.item, item));
    case "struct": {
      const record = value as Record<string, unknown>;
      const cell = emptyCell();
      for (const [name, field] of type.fields) cell[name] = toCell(field, record[name]);
      return cell;
    }
  }
}

/** The `data` cell of one row under the plan. */
export function dataCell(plan: TDataPlan, data: Record<string, unknown>): unknown {
  if (plan.kind === "json") return canonicalJsonFast(data);
  const cell = emptyCell();
  for (const field of plan.fields) cell[field.name] = toCell(field.type, data[field.name]);
  return cell;
}
