import "server-only";
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import { valueKey } from "@/lib/final-labels/value-key";
import type { TDefinitionContext } from "./load-label-context";

/**
 * What a review state keeps of one definition's final label (docs/decisions/036-stored-final-labels.md):
 * the label as the rule's code computed it, the versions its counted annotations answered, and the
 * value's key (value-key.ts), which an eval-set filter's label values and strata compare in SQL.
 */
export type TStoredLabel = { l: TFinalLabel; v: number[]; k: string };
/** Definition id -> its stored label, for every definition of the project. */
export type TStoredLabels = Record<string, TStoredLabel>;

/** The stored labels of a scanned item, whose labels and versions are keyed by definition key. */
export function storedLabelsOf(
  definitions: readonly TDefinitionContext[],
  item: { labels: Readonly<Record<string, TFinalLabel>>; versions: Readonly<Record<string, number[]>> },
): TStoredLabels {
  const stored: TStoredLabels = {};
  for (const d of definitions) {
    const label = item.labels[d.key];
    stored[d.id] = { l: label, v: item.versions[d.key] ?? [], k: valueKey(d.spec, label.value) };
  }
  return stored;
}
