/**
 * CSV export (RFC 4180 quoting, with "\n" line ends).
 *
 * - Columns: `item_id`, `external_id`, one `data.<key>` column per data key, one `label.<key>`
 *   column per label definition key (both in the order given by `columns`), then `annotations`
 *   when `annotations: true`. The prefixes keep data keys from colliding with the fixed columns
 *   and with labels. A row with a data or label key missing from `columns` throws: a frozen
 *   export never drops a value silently.
 * - Lines end in "\n" (not RFC 4180's "\r\n": what pandas, Python's csv module, csv-parse and
 *   spreadsheets read alike, and what the JSONL uses). Every line ends with it, the last too.
 * - A field is quoted when it contains `,` `"` `\n` or `\r`, and `"` is doubled inside quotes.
 * - Values: strings as they are; null or a missing key as the empty field; the empty string as
 *   `""` (so parsers that keep quotes can tell it from null); anything else (numbers, booleans,
 *   lists, spans, objects) as canonical JSON. A label's type comes from its definition (kind in
 *   the manifest), which tells a reader whether to JSON-decode the cell.
 * - `annotations` holds the canonical JSON of the wire annotations (snake_case, see
 *   export-row.ts), `[]` for a row without any.
 * - Text values that a spreadsheet would run as a formula (starting with `=` `+` `-` `@`, tab or
 *   carriage return) get a leading `'` (csv-cell-guard.ts); strip one leading `'` to get the exact
 *   text back, or use the JSONL, which is never changed.
 * - UTF-8, no BOM.
 */
import type { TExportColumns, TExportRow } from "./export-row";
import { assertExportRow, itemOrderCheck, toWireAnnotations } from "./export-row";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { guardCsvCell } from "./csv-cell-guard";
import { DEFAULT_CHUNK_CHARS } from "./text-chunks";

export type TCsvOptions = {
  columns: TExportColumns;
  /** Add the `annotations` column (default false). */
  annotations?: boolean;
  chunkChars?: number;
};

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when needed. */
export function csvField(text: string): string {
  if (text === "") return "";
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell's text for a value: see the module comment. */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value === "" ? '""' : csvField(guardCsvCell(value));
  return csvField(canonicalJsonFast(value));
}

function assertUnique(keys: string[], what: string): void {
  if (new Set(keys).size !== keys.length) throw new Error(`csv: duplicate ${what} column`);
}

/** Column names, in order. */
export function csvHeader(options: TCsvOptions): string[] {
  const { data, labels } = options.columns;
  assertUnique(data, "data");
  assertUnique(labels, "label");
  const names = [
    "item_id",
    "external_id",
    ...data.map((k) => `data.${k}`),
    ...labels.map((k) => `label.${k}`),
  ];
  if (options.annotations) names.push("annotations");
  return names;
}

function assertKnownKeys(record: Record<string, unknown>, known: Set<string>, what: string, itemId: string) {
  for (const key in record) {
    if (!known.has(key) && Object.hasOwn(record, key)) {
      throw new Error(`csv: item ${itemId} has ${what} key ${JSON.stringify(key)} that is not a column`);
    }
  }
}

/** Returns a row encoder for these options ("\n" included). */
export function csvRowEncoder(options: TCsvOptions): (row: TExportRow) => string {
  const { data, labels } = options.columns;
  const dataKeys = new Set(data);
  const labelKeys = new Set(labels);
  return (row) => {
    assertExportRow(row);
    assertKnownKeys(row.data, dataKeys, "data", row.itemId);
    assertKnownKeys(row.labels, labelKeys, "label", row.itemId);
    let line = row.itemId + "," + csvValue(row.externalId);
    for (const key of data) line += "," + csvValue(Object.hasOwn(row.data, key) ? row.data[key] : null);
    for (const key of labels) line += "," + csvValue(Object.hasOwn(row.labels, key) ? row.labels[key] : null);
    if (options.annotations) line += "," + csvValue(toWireAnnotations(row.annotations ?? []));
    return line + "\n";
  };
}

/** The CSV (header line first) as UTF-8 chunks of about 64 KB. Throws on rows out of order. */
export async function* csvStream(
  rows: AsyncIterable<TExportRow>,
  options: TCsvOptions,
): AsyncGenerator<Uint8Array> {
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const encode = csvRowEncoder(options);
  const checkOrder = itemOrderCheck();
  let text = csvHeader(options).map(csvField).join(",") + "\n";
  for await (const row of rows) {
    text += encode(row);
    checkOrder(row.itemId);
    if (text.length >= chunkChars) {
      yield Buffer.from(text, "utf8");
      text = "";
    }
  }
  yield Buffer.from(text, "utf8");
}
