import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { fieldsShownBy } from "@/lib/label-definitions/shown-fields";

/**
 * The item data fields that some definition already shows (spans' text, pairwise sides and prompt),
 * so an ItemView next to the controls can leave them out.
 */
export function fieldsRenderedBy(specs: readonly TLabelDefinitionSpec[]): string[] {
  return [...new Set(specs.flatMap(fieldsShownBy))];
}

/** Strings this long, or with a line break, are shown as paragraphs rather than in the table. */
export const LONG_TEXT_LENGTH = 80;

/**
 * Splits an item's data into text fields (shown as paragraphs) and other fields (a small table).
 * Strings in `textFields` are always texts; other strings when long or multi-line.
 */
export function splitItemFields(
  data: Record<string, unknown>,
  hiddenFields: readonly string[] = [],
  textFields: readonly string[] = [],
): { texts: [string, string][]; others: [string, unknown][] } {
  const hidden = new Set(hiddenFields);
  const forced = new Set(textFields);
  const texts: [string, string][] = [];
  const others: [string, unknown][] = [];
  for (const [field, value] of Object.entries(data)) {
    if (hidden.has(field)) continue;
    if (
      typeof value === "string" &&
      (forced.has(field) || value.length >= LONG_TEXT_LENGTH || value.includes("\n"))
    ) {
      texts.push([field, value]);
    } else {
      others.push([field, value]);
    }
  }
  return { texts, others };
}
