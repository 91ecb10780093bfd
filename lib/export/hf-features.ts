/**
 * Hugging Face `datasets` features for the canonical JSONL, inferred from the rows as they are
 * written, the way pyarrow's JSON reader infers them: strings `string`, booleans `bool`, safe
 * integers `int64`, other numbers `float64` (int64 and float64 merge to float64), arrays
 * `list: <item>`, objects `struct:` with the union of their keys (rows missing a key read null;
 * `datasets` fills missing struct fields when it casts), null merges with anything. A value seen
 * only as null (or an empty list's item) is declared `string`, a safe cast from pyarrow's null.
 *
 * If one field holds incompatible kinds (a string in one row, a number or a list in another), or
 * an object has more than MAX_FIELDS keys (a map, not a record), no features can describe the
 * file: `features()` returns null and the card leaves `features` out, so `datasets` infers them.
 *
 * The YAML shape is the one `datasets` writes and reads (`Features._to_yaml_list`): a list of
 * `{name, dtype}` / `{name, list}` / `{name, struct}`, with `list: string` and `list: [fields]`
 * for lists of values and of structs, `list: {list: ...}` for nested lists. Struct fields are
 * sorted by name (canonical JSON order).
 */
import type { TExportColumns, TWireRow } from "./export-row";

export const MAX_FIELDS = 1000;

type TScalar = "string" | "bool" | "int64" | "float64";
export type THfType =
  | { kind: "null" }
  | { kind: "scalar"; dtype: TScalar }
  | { kind: "list"; item: THfType }
  | { kind: "struct"; fields: Map<string, THfType> }
  | { kind: "conflict" };

/** A feature as it appears in the YAML (without its name). */
export type THfFeature =
  { dtype: string } | { list: string | THfNamedFeature[] | THfFeature } | { struct: THfNamedFeature[] };
export type THfNamedFeature = { name: string } & THfFeature;

const NULL: THfType = { kind: "null" };
const CONFLICT: THfType = { kind: "conflict" };
const SCALARS: Record<TScalar, THfType> = {
  string: { kind: "scalar", dtype: "string" },
  bool: { kind: "scalar", dtype: "bool" },
  int64: { kind: "scalar", dtype: "int64" },
  float64: { kind: "scalar", dtype: "float64" },
};

function mergeScalar(type: THfType, dtype: TScalar): THfType {
  if (type.kind === "null") return SCALARS[dtype];
  if (type.kind !== "scalar") return CONFLICT;
  if (type.dtype === dtype) return type;
  const numbers = new Set([type.dtype, dtype]);
  return numbers.has("int64") && numbers.has("float64") && numbers.size === 2 ? SCALARS.float64 : CONFLICT;
}

/** Merges one value into a type; list and struct types are updated in place. */
export function observe(current: THfType | undefined, value: unknown): THfType {
  const type = current ?? NULL;
  if (type.kind === "conflict" || value === null || value === undefined) return type;
  switch (typeof value) {
    case "string":
      return mergeScalar(type, "string");
    case "boolean":
      return mergeScalar(type, "bool");
    case "number":
      return mergeScalar(type, Number.isSafeInteger(value) ? "int64" : "float64");
    case "object":
      break;
    default:
      return CONFLICT;
  }
  if (Array.isArray(value)) {
    const list: THfType = type.kind === "null" ? { kind: "list", item: NULL } : type;
    if (list.kind !== "list") return CONFLICT;
    for (const item of value) list.item = observe(list.item, item);
    return list.item.kind === "conflict" ? CONFLICT : list;
  }
  const struct: THfType = type.kind === "null" ? { kind: "struct", fields: new Map() } : type;
  if (struct.kind !== "struct") return CONFLICT;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = observe(struct.fields.get(key), record[key]);
    if (field.kind === "conflict") return CONFLICT;
    struct.fields.set(key, field);
  }
  return struct.fields.size > MAX_FIELDS ? CONFLICT : struct;
}

/** The YAML feature of a type; null for a conflict anywhere inside. */
export function toFeature(type: THfType): THfFeature | null {
  switch (type.kind) {
    case "null":
      return { dtype: "string" };
    case "scalar":
      return { dtype: type.dtype };
    case "conflict":
      return null;
    case "list": {
      const item = toFeature(type.item);
      if (item === null) return null;
      if ("dtype" in item) return { list: item.dtype };
      if ("struct" in item) return { list: item.struct };
      return { list: item }; // a list of lists
    }
    case "struct": {
      const fields: THfNamedFeature[] = [];
      for (const name of [...type.fields.keys()].sort()) {
        const feature = toFeature(type.fields.get(name) ?? NULL);
        if (feature === null) return null;
        fields.push({ name, ...feature });
      }
      return { struct: fields };
    }
  }
}

export type TFeatureInference = {
  observeRow(row: TWireRow): void;
  /** Features of the columns item_id, external_id, data, labels[, annotations], or null. */
  features(): THfNamedFeature[] | null;
};

function seeded(keys: string[] | undefined): THfType {
  return { kind: "struct", fields: new Map((keys ?? []).map((key) => [key, NULL])) };
}

/** `columns`, when given, puts every known key in the features even if no row has a value. */
export function featureInference(columns?: Partial<TExportColumns>): TFeatureInference {
  let data = seeded(columns?.data);
  let labels = seeded(columns?.labels);
  let annotations: THfType | undefined;
  return {
    observeRow(row) {
      data = observe(data, row.data);
      labels = observe(labels, row.labels);
      if (row.annotations !== undefined) annotations = observe(annotations ?? seededList(), row.annotations);
    },
    features() {
      const named: [string, THfFeature | null][] = [
        ["item_id", { dtype: "string" }],
        ["external_id", { dtype: "string" }],
        ["data", toFeature(data)],
        ["labels", toFeature(labels)],
      ];
      if (annotations !== undefined) named.push(["annotations", toFeature(annotations)]);
      if (named.some(([, feature]) => feature === null)) return null;
      return named.map(([name, feature]) => ({ name, ...(feature as THfFeature) }));
    },
  };
}

function seededList(): THfType {
  const item = seeded([]);
  if (item.kind === "struct") {
    item.fields.set("annotator", SCALARS.string);
    item.fields.set("definition_versions", seeded([]));
    item.fields.set("values", seeded([]));
  }
  return { kind: "list", item };
}
