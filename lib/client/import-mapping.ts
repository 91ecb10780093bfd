import { parseDataField, pickValue } from "@/lib/import/data-field-pick";
import { taskData } from "@/lib/import/dialects/prodigy";
import { HH_DEFAULT_FIELDS, splitHhPair } from "@/lib/import/dialects/hh-rlhf";
import type { TImportDialect } from "@/lib/import/import-types";
import { isPlainObject } from "@/lib/import/record-fields";

/**
 * One field found in the file and what becomes of it: `path` is where it is in a record (`meta.source`
 * for a nested one), `name` the item data field it becomes. Where the records' own shape decides the
 * data (Concord's `{data}` records, Label Studio, Prodigy) only hiding applies: see `hideOnlyRows`.
 */
export type TFieldRow = {
  path: string;
  name: string;
  isIncluded: boolean;
  isHidden: boolean;
};

const MAX_DEPTH = 3;
// `,` separates dataFields entries and `=` a rename: a name holding either cannot be sent.
const UNSENDABLE = /[,=]/;

/**
 * Every field of the records with its nested paths (`meta`, then `meta.source`), in the order first
 * seen, down to three levels. Nested keys holding a dot are left out: their path would be ambiguous.
 */
export function listFieldPaths(records: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const walk = (value: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, child] of Object.entries(value)) {
      if (prefix !== "" && key.includes(".")) continue;
      const path = prefix === "" ? key : `${prefix}.${key}`;
      seen.add(path);
      if (depth < MAX_DEPTH && isPlainObject(child)) walk(child, path, depth + 1);
    }
  };
  for (const record of records) if (isPlainObject(record)) walk(record, "", 1);
  return [...seen];
}

/** The item data a preview record becomes without any mapping, for the dialect that reads it. */
export function unmappedData(record: unknown, dialect: TImportDialect): Record<string, unknown> {
  if (!isPlainObject(record)) return {};
  if (dialect === "prodigy") return taskData(record);
  if (dialect === "hh-rlhf") {
    const split = splitHhPair(record, HH_DEFAULT_FIELDS);
    return "data" in split ? split.data : {};
  }
  return isPlainObject(record.data) ? record.data : {};
}

/**
 * The starting rows: top-level fields are taken as they are, nested paths are offered under their
 * last segment but left out (their parent already carries them); fields the project already hides
 * start hidden.
 */
export function defaultRows(paths: readonly string[], hiddenFields: readonly string[]): TFieldRow[] {
  const hidden = new Set(hiddenFields);
  return paths.map((path) => {
    // A top-level key may hold a dot itself; a nested path always follows its parent.
    const isNested = path.includes(".") && paths.includes(path.slice(0, path.lastIndexOf(".")));
    const name = isNested ? path.slice(path.lastIndexOf(".") + 1) : path;
    return { path, name, isIncluded: !isNested, isHidden: hidden.has(name) };
  });
}

/** Rows for records whose shape decides the data: each top-level data field, to hide or not. */
export function hideOnlyRows(
  data: readonly Record<string, unknown>[],
  hiddenFields: readonly string[],
): TFieldRow[] {
  const hidden = new Set(hiddenFields);
  const fields = [...new Set(data.flatMap((d) => Object.keys(d)))];
  return fields.map((f) => ({ path: f, name: f, isIncluded: true, isHidden: hidden.has(f) }));
}

/** The API's `dataFields` entries: `name`, or `name=source.path` for a rename or a nested field. */
export function dataFieldEntries(rows: readonly TFieldRow[]): string[] {
  return rows.filter((r) => r.isIncluded).map((r) => (r.name === r.path ? r.path : `${r.name}=${r.path}`));
}

/** What is wrong with the mapping, by row path; empty when it can be sent. */
export function mappingProblems(rows: readonly TFieldRow[]): Map<string, string> {
  const problems = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const row of rows) {
    if (!row.isIncluded) continue;
    const name = row.name.trim();
    // The API trims each entry, so a path with outer spaces would name another field.
    if (UNSENDABLE.test(row.path) || row.path !== row.path.trim()) {
      problems.set(
        row.path,
        "a field whose name holds “,” or “=” or outer spaces cannot be mapped: leave it out",
      );
    } else if (name === "") {
      problems.set(row.path, "give it a name");
    } else if (name !== row.name) {
      problems.set(row.path, "a name cannot start or end with a space");
    } else if (UNSENDABLE.test(name)) {
      problems.set(row.path, "a name cannot hold “,” or “=”");
    } else if (byName.has(name)) {
      problems.set(row.path, `“${byName.get(name)}” is already named “${name}”`);
    } else byName.set(name, row.path);
  }
  return problems;
}

/** The item data a record becomes under the mapping: the server's own rule (data-field-pick.ts). */
export function mapPreviewRecord(record: unknown, rows: readonly TFieldRow[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!isPlainObject(record)) return data;
  for (const entry of dataFieldEntries(rows)) {
    const pick = parseDataField(entry);
    const value = pickValue(record, pick);
    if (value !== undefined) Object.defineProperty(data, pick.name, { value, enumerable: true });
  }
  return data;
}

/** The item's data as annotators receive it: without the hidden fields. */
export function annotatorView(
  data: Record<string, unknown>,
  rows: readonly TFieldRow[],
): [field: string, value: unknown][] {
  const hidden = new Set(rows.filter((r) => r.isHidden).map((r) => r.name));
  return Object.entries(data).filter(([field]) => !hidden.has(field));
}

/**
 * The project's hidden fields after this import: those the lead ticked are added, those of this file
 * that the lead unticked are no longer hidden, the others stay as they were. Null when unchanged.
 */
export function nextHiddenFields(current: readonly string[], rows: readonly TFieldRow[]): string[] | null {
  const shown = new Set(rows.filter((r) => r.isIncluded && !r.isHidden).map((r) => r.name));
  const added = rows.filter((r) => r.isIncluded && r.isHidden).map((r) => r.name);
  const next = [...new Set([...current.filter((f) => !shown.has(f)), ...added])];
  const isSame = next.length === current.length && next.every((f) => current.includes(f));
  return isSame ? null : next;
}
