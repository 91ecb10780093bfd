/**
 * Spreadsheet formula guard for CSV cells (OWASP "CSV injection"): a text cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (an annotator's `=HYPERLINK(...)` would
 * otherwise reach a lead's spreadsheet live). Applied to text values only: a JSON number such as
 * `-1.5` is a number in every reader, and escaping it would change the data. JSONL, Parquet and the
 * HF dataset are never guarded: they are read by programs, byte for byte.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a CSV cell may hold it: prefixed with `'` when a spreadsheet would read a formula. */
export function guardCsvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
