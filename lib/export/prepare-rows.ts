/**
 * Applies the export options to the rows before any encoder sees them:
 *
 * - `includeAnnotations` (default false): without it every row's `annotations` is removed, so the
 *   encoders write labels only; with it a row without annotations gets `[]`.
 * - `annotators`: how annotator ids are written when annotations are included. Default: required
 *   to be chosen explicitly, as `{ anonymize: anonymizer(evalSetVersionId) }` (HMAC pseudonyms,
 *   see anonymize.ts), `{ anonymize: sequentialAnonymizer() }`, or `"raw"` to keep the real ids
 *   (an explicit opt-out, for internal use only).
 *
 * Each call needs a fresh anonymizer: pseudonyms depend on the order in which ids first appear.
 */
import type { TAnonymizer } from "./anonymize";
import type { TExportRow } from "./export-row";

export type TPrepareOptions =
  | { includeAnnotations?: false }
  | { includeAnnotations: true; annotators: { anonymize: TAnonymizer } | "raw" };

export async function* prepareRows(
  rows: AsyncIterable<TExportRow>,
  options: TPrepareOptions,
): AsyncGenerator<TExportRow> {
  if (!options.includeAnnotations) {
    for await (const row of rows) {
      const { annotations: _dropped, ...rest } = row;
      yield rest;
    }
    return;
  }
  const rename = options.annotators === "raw" ? null : options.annotators.anonymize;
  for await (const row of rows) {
    const annotations = row.annotations ?? [];
    yield {
      ...row,
      annotations: rename ? annotations.map((a) => ({ ...a, annotator: rename(a.annotator) })) : annotations,
    };
  }
}
