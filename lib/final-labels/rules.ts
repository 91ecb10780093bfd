/**
 * Final-label rules: how an item's annotations for one definition become its final label without
 * a lead looking at it. Pure; values arrive as canonical keys (value-key.ts) so that equal answers
 * compare equal whatever their order (multi-choice keys, spans).
 *
 * - `majority` (the default, with minShare 0.5): the value given by *more than* `minShare` of the
 *   item's annotations. Since minShare >= 0.5, at most one value can pass.
 * - `unanimous`: every annotation gives the same value.
 * - `min_agreement`: the item's agreement (the share of agreeing annotator pairs, lib/agreement's
 *   percent agreement of the one item) is at least `minAgreement`, and one value is the most
 *   frequent. A single annotation has no pairs, so no agreement: it never passes.
 *
 * Every rule first needs `minAnnotations` annotations. An empty optional value counts as an answer
 * like any other (its key is "null"): a majority of "left empty" resolves to null.
 */
import { percentAgreement } from "@/lib/agreement/percent-agreement";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";

export const FINAL_LABEL_RULE_KINDS = ["majority", "unanimous", "min_agreement"] as const;
export type TFinalLabelRuleKind = (typeof FINAL_LABEL_RULE_KINDS)[number];

export type TFinalLabelRule = {
  kind: TFinalLabelRuleKind;
  /** majority: the winning value's share must be strictly greater than this, in [0.5, 1). */
  minShare: number;
  /** min_agreement: the item's agreement must be at least this, in (0, 1]. */
  minAgreement: number;
  /** Every rule: at least this many annotations, >= 1. */
  minAnnotations: number;
};

/** The API contract's rule: majority, more than half of the item's annotations. */
export const DEFAULT_FINAL_LABEL_RULE: TFinalLabelRule = {
  kind: "majority",
  minShare: 0.5,
  minAgreement: 1,
  minAnnotations: 1,
};

export type TRuleOutcome =
  | { isResolved: true; key: string; share: number; agreement: number | null }
  | { isResolved: false; reason: string; share: number | null; agreement: number | null };

const EPSILON = 1e-12;

/** The agreement of one item: the share of its annotator pairs that agree (null below two). */
export function itemAgreement(keys: readonly string[]): number | null {
  return keys.length < 2 ? null : percentAgreement([keys as string[]]);
}

/** The most frequent keys of a list with their count (several when tied). */
export function topKeys(keys: readonly string[]): { keys: string[]; count: number } {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let count = 0;
  let top: string[] = [];
  for (const [key, n] of counts) {
    if (n > count) {
      count = n;
      top = [key];
    } else if (n === count) {
      top.push(key);
    }
  }
  return { keys: top.sort(), count };
}

export function applyRule(keys: readonly string[], rule: TFinalLabelRule): TRuleOutcome {
  const n = keys.length;
  const agreement = itemAgreement(keys);
  if (n === 0) return { isResolved: false, reason: "no annotations yet", share: null, agreement };
  const top = topKeys(keys);
  const share = top.count / n;
  const unresolved = (reason: string): TRuleOutcome => ({ isResolved: false, reason, share, agreement });
  if (n < rule.minAnnotations) {
    return unresolved(`${n} of the ${rule.minAnnotations} annotations the rule needs`);
  }
  switch (rule.kind) {
    case "unanimous":
      if (top.count === n) return { isResolved: true, key: top.keys[0], share, agreement };
      return unresolved("the annotations differ");
    case "majority":
      if (share > rule.minShare && top.keys.length === 1) {
        return { isResolved: true, key: top.keys[0], share, agreement };
      }
      return unresolved(`no value has more than ${formatShare(rule.minShare)} of the annotations`);
    case "min_agreement":
      if (agreement === null) return unresolved("one annotation has no agreement to measure");
      if (agreement + EPSILON < rule.minAgreement) {
        return unresolved(`agreement ${formatShare(agreement)} is below ${formatShare(rule.minAgreement)}`);
      }
      if (top.keys.length > 1) return unresolved("two values are tied");
      return { isResolved: true, key: top.keys[0], share, agreement };
  }
}

export function formatShare(share: number): string {
  const percent = share * 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/**
 * One line for people: "majority (more than 50%)", "unanimous, at least 3 annotations"... Given the
 * definition's kind, it says what is applied: under the majority kind of rule, rankings and rubrics
 * resolve by aggregating (final-label.ts), not by a majority of equal answers.
 */
export function describeRule(rule: TFinalLabelRule, definitionKind?: TLabelKind): string {
  const base =
    rule.kind === "majority" && definitionKind === "ranking"
      ? "mean rank: the responses ordered by their mean rank over the annotations (equal means share a rank)"
      : rule.kind === "majority" && definitionKind === "rubric"
        ? "median: each criterion's lower median over the annotations"
        : rule.kind === "majority"
          ? `majority: more than ${formatShare(rule.minShare)} of the annotations`
          : rule.kind === "unanimous"
            ? "unanimous: every annotation agrees"
            : `minimum agreement: at least ${formatShare(rule.minAgreement)} of annotator pairs agree`;
  return rule.minAnnotations > 1 ? `${base}, at least ${rule.minAnnotations} annotations` : base;
}
