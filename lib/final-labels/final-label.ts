/**
 * An item's final label for one definition: the latest adjudication when a lead made one (it
 * overrides the rule either way), else whatever the definition's rule makes of the annotations.
 */
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { aggregateFeedback } from "./aggregate-feedback";
import { applyRule, type TFinalLabelRule } from "./rules";
import { normalizeValue, valueKey } from "./value-key";

export type TLabelSource = "rule" | "adjudication";

export type TAnnotationValue = { userId: string; version: number; value: unknown };
export type TLatestAdjudication = { value: unknown; isGold: boolean };

export type TFinalLabel = {
  isResolved: boolean;
  source: TLabelSource | null;
  /** The final value in canonical order; null when unresolved (or resolved as left empty). */
  value: unknown;
  isGold: boolean;
  annotationCount: number;
  /** Share of agreeing annotator pairs (null below two annotations). */
  agreement: number | null;
  /** Share of the annotations that gave the most frequent value. */
  share: number | null;
  /** Why the rule left it unresolved. */
  reason: string | null;
};

export function computeFinalLabel(
  spec: TLabelDefinitionSpec,
  rule: TFinalLabelRule,
  annotations: readonly TAnnotationValue[],
  adjudication: TLatestAdjudication | null,
): TFinalLabel {
  const keys: string[] = [];
  const valueOf = new Map<string, unknown>();
  for (const a of annotations) {
    const key = valueKey(spec, a.value);
    keys.push(key);
    if (!valueOf.has(key)) valueOf.set(key, normalizeValue(spec, a.value));
  }
  const outcome = applyRule(keys, rule);
  const base = { annotationCount: keys.length, agreement: outcome.agreement, share: outcome.share };
  if (adjudication) {
    return {
      ...base,
      isResolved: true,
      source: "adjudication",
      value: normalizeValue(spec, adjudication.value),
      isGold: adjudication.isGold,
      reason: null,
    };
  }
  // Rankings and rubrics: under the default kind of rule (majority), the contract's aggregate.
  const aggregate =
    rule.kind === "majority"
      ? aggregateFeedback(
          spec,
          annotations.map((a) => a.value),
        )
      : null;
  if (aggregate !== null && keys.length >= Math.max(1, rule.minAnnotations)) {
    return { ...base, isResolved: true, source: "rule", value: aggregate.value, isGold: false, reason: null };
  }
  if (outcome.isResolved && aggregate === null) {
    return {
      ...base,
      isResolved: true,
      source: "rule",
      value: valueOf.get(outcome.key) ?? null,
      isGold: false,
      reason: null,
    };
  }
  const reason = outcome.isResolved ? "fewer annotations than the rule needs" : outcome.reason;
  return { ...base, isResolved: false, source: null, value: null, isGold: false, reason };
}
