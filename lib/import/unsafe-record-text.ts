import { findUnsafeText, unsafeTextReason } from "@/lib/schemas/safe-text";
import type { TFieldProblem, TImportAnnotation } from "./import-types";

// JSON text escapes NUL and lone surrogates (JSON.stringify, and so canonical JSON, writes them as
// \u0000 and \udXXX), so one scan of the text rules them out for nearly every record; only a hit
// (which may be an escaped backslash) walks the values.
const MAYBE_UNSAFE = /\\u0000|\\ud[89a-f]/i;

/** Adds a problem for text PostgreSQL cannot store (NUL, lone surrogates) in a record's fields. */
export function checkRecordText(
  dataJson: string,
  data: Record<string, unknown>,
  externalId: string | null,
  predictions: Record<string, unknown> | null,
  problems: TFieldProblem[],
): void {
  const idProblem = externalId === null ? null : unsafeTextReason(externalId);
  if (idProblem) problems.push({ path: "externalId", message: idProblem });
  const inData = MAYBE_UNSAFE.test(dataJson) ? findUnsafeText(data, "data") : null;
  if (inData) problems.push(inData);
  const inPredictions = predictions ? findUnsafeText(predictions, "predictions") : null;
  if (inPredictions) problems.push(inPredictions);
}

/** The same for imported annotations: their annotators and values. */
export function checkAnnotationsText(
  annotations: readonly TImportAnnotation[],
  problems: TFieldProblem[],
): void {
  annotations.forEach((a, index) => {
    const inAnnotator = unsafeTextReason(a.annotator);
    if (inAnnotator) problems.push({ path: `annotations.${index}.annotator`, message: inAnnotator });
    const inValues = findUnsafeText(a.values, `annotations.${index}.values`);
    if (inValues) problems.push(inValues);
  });
}
