import type { TLabelDefinitionSpec } from "./definition-spec";

/**
 * The item data fields a definition shows as part of its own control (spans' text, pairwise sides
 * and prompt): an annotator cannot answer without them, so they can never be hidden fields.
 */
export function fieldsShownBy(spec: TLabelDefinitionSpec): string[] {
  if (spec.kind === "spans") return [spec.textField];
  if (spec.kind === "pairwise") {
    return spec.textField === undefined ? [...spec.textFields] : [...spec.textFields, spec.textField];
  }
  if (spec.kind === "ranking") {
    return spec.promptField === undefined ? [spec.responsesField] : [spec.responsesField, spec.promptField];
  }
  return [];
}
