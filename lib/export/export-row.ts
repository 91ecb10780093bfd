/**
 * The row that every export format encodes: one item of a frozen eval-set version with its final
 * labels. Rows arrive from the caller (a database cursor) already sorted by numeric item id; every
 * encoder checks that order (strictly ascending, so no duplicates) because byte-identical output
 * and the recorded sha256 depend on it.
 *
 * In memory the row is camelCase (TypeScript house style). On the wire, in every format, names
 * are snake_case, as ML tooling expects (pandas, Hugging Face `datasets`, Parquet readers):
 *
 *   {"annotations":[{"annotator":"annotator-7f3a9c21","definition_versions":{"sentiment":2},
 *     "values":{"sentiment":"pos"}}],"data":{...},"external_id":"a-1","item_id":"17","labels":{...}}
 *
 * (keys shown in canonical order; `annotations` only when the export includes them). `toWireRow`
 * is the one place where that mapping lives.
 */

/** An annotator's submission for one item. `annotator` is a pseudonym unless the export opted out. */
export type TExportAnnotation = {
  annotator: string;
  /** Definition key -> the value this annotator submitted. */
  values: Record<string, unknown>;
  /** Definition key -> the version of the label definition the annotator answered. */
  definitionVersions: Record<string, number>;
};

export type TExportRow = {
  /** Decimal string of the item's bigint id (no sign, no leading zeros). */
  itemId: string;
  externalId: string | null;
  /** The item's data as imported (any JSON object). */
  data: Record<string, unknown>;
  /** Definition key -> final value: string | number | string[] | spans[] | null. */
  labels: Record<string, unknown>;
  /** Only when the export includes individual annotations, in a deterministic order. */
  annotations?: TExportAnnotation[];
};

/** The eval-set version's manifest: an opaque JSON object here (name, version, hashes, counts...). */
export type TManifest = Record<string, unknown>;

/** Keys known up front, for formats with a fixed set of columns (CSV, Parquet). */
export type TExportColumns = { data: string[]; labels: string[] };

export type TWireAnnotation = {
  annotator: string;
  values: Record<string, unknown>;
  definition_versions: Record<string, number>;
};

export type TWireRow = {
  item_id: string;
  external_id: string | null;
  data: Record<string, unknown>;
  labels: Record<string, unknown>;
  annotations?: TWireAnnotation[];
};

const ITEM_ID = /^(0|[1-9][0-9]*)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates the row's shape (not its values: the canonical encoder rejects NaN and the like). */
export function assertExportRow(row: TExportRow): void {
  if (typeof row.itemId !== "string" || !ITEM_ID.test(row.itemId)) {
    throw new TypeError(`export: itemId ${JSON.stringify(row.itemId)} is not a decimal id`);
  }
  if (row.externalId !== null && typeof row.externalId !== "string") {
    throw new TypeError(`export: item ${row.itemId}: externalId must be a string or null`);
  }
  if (!isRecord(row.data)) throw new TypeError(`export: item ${row.itemId}: data must be an object`);
  if (!isRecord(row.labels)) throw new TypeError(`export: item ${row.itemId}: labels must be an object`);
  if (row.annotations !== undefined && !Array.isArray(row.annotations)) {
    throw new TypeError(`export: item ${row.itemId}: annotations must be an array`);
  }
}

export function toWireAnnotations(annotations: TExportAnnotation[]): TWireAnnotation[] {
  return annotations.map((a) => {
    if (typeof a?.annotator !== "string" || !isRecord(a.values) || !isRecord(a.definitionVersions)) {
      throw new TypeError("export: an annotation needs annotator, values and definitionVersions");
    }
    // Keys in canonical (sorted) order, so the canonical encoder need not sort them.
    return { annotator: a.annotator, definition_versions: a.definitionVersions, values: a.values };
  });
}

/** The row as written (only the known fields, so stray properties of a source object never leak). */
export function toWireRow(row: TExportRow): TWireRow {
  assertExportRow(row);
  // Keys in canonical (sorted) order, as above.
  const fields = { data: row.data, external_id: row.externalId, item_id: row.itemId, labels: row.labels };
  if (row.annotations === undefined) return fields;
  return { annotations: toWireAnnotations(row.annotations), ...fields };
}

/** Numeric order of two valid item ids without parsing them (no leading zeros: longer is larger). */
export function compareItemIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns a checker that throws unless successive item ids are strictly ascending. */
export function itemOrderCheck(): (itemId: string) => void {
  let previous: string | null = null;
  return (itemId) => {
    if (previous !== null && compareItemIds(previous, itemId) >= 0) {
      throw new Error(
        `export: rows must be sorted by item id without duplicates (${itemId} after ${previous})`,
      );
    }
    previous = itemId;
  };
}
