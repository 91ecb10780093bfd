import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import { setKeys, type TValueDictionary } from "./label-values";
import { masiDistance } from "./multi-label";
import { alphaOnPatterns, percentAgreementOnPatterns, type TEstimate } from "./pattern-alpha";
import { deriveTable, mapWeights, type TPatternTable } from "./pattern-table";
import type { AlphaMetric } from "./types";

export type TMetric =
  | "alpha_nominal"
  | "alpha_ordinal"
  | "alpha_interval"
  | "alpha_masi"
  | "span_f1_overlap"
  | "span_f1_exact"
  | "char_f1_item_macro"
  | "both_empty_share"
  | "alpha_any_span"
  | "exact_match_rate"
  | "percent_agreement"
  | "alpha_ordinal_ranks"
  | "kendall_w_mean";

export type TMetricEstimate = TEstimate & {
  metric: TMetric;
  /** For a per-option figure: the option key and its title. */
  option?: string;
  label?: string;
};

export const METRIC_NAMES: Record<TMetric, string> = {
  alpha_nominal: "Krippendorff's alpha (nominal)",
  alpha_ordinal: "Krippendorff's alpha (ordinal)",
  alpha_interval: "Krippendorff's alpha (interval)",
  alpha_masi: "Krippendorff's alpha with the MASI distance",
  span_f1_overlap: "Pairwise span F1 (overlapping spans match)",
  span_f1_exact: "Pairwise span F1 (exact spans match)",
  char_f1_item_macro:
    "Character F1 per annotator pair, averaged per item, then over items (SemEval-2021 Task 5)",
  both_empty_share: "Share of annotator pairs in which neither marked anything",
  alpha_any_span: "Krippendorff's alpha (nominal) of marked something / nothing",
  exact_match_rate: "Exact-match rate between annotator pairs",
  percent_agreement: "Observed agreement between annotator pairs",
  alpha_ordinal_ranks: "Krippendorff's alpha (ordinal) over (item, response position), the rank as value",
  kendall_w_mean: "Kendall's W (midranks, tie-corrected), averaged over items",
};

export function isAlphaMetric(metric: TMetric): boolean {
  return metric.startsWith("alpha_");
}

/** The statistic that judges a definition of this kind (spans are computed elsewhere). */
export function primaryEstimate(
  kind: TLabelKind,
  dict: TValueDictionary,
  table: TPatternTable,
  weights: Float64Array,
): TMetricEstimate {
  if (kind === "free_text")
    return { metric: "exact_match_rate", ...percentAgreementOnPatterns(table, weights) };
  if (kind === "multi_choice")
    return { metric: "alpha_masi", ...alphaOnPatterns(table, weights, masiMetric()) };
  if (kind === "rating") return { metric: "alpha_ordinal", ...alphaOnPatterns(table, weights, "ordinal") };
  return { metric: "alpha_nominal", ...alphaOnPatterns(table, weights, "nominal") };
}

/** The figures shown alongside: interval alpha for ratings, alpha per option for multi choice, raw agreement. */
export function secondaryEstimates(
  kind: TLabelKind,
  dict: TValueDictionary,
  table: TPatternTable,
  weights: Float64Array,
): TMetricEstimate[] {
  const out: TMetricEstimate[] = [];
  if (kind === "rating")
    out.push({ metric: "alpha_interval", ...alphaOnPatterns(table, weights, "interval") });
  if (kind === "multi_choice") out.push(...optionAlphas(kind, dict, table, weights));
  if (kind !== "free_text")
    out.push({ metric: "percent_agreement", ...percentAgreementOnPatterns(table, weights) });
  return out;
}

/**
 * Alpha per option, one option against the rest as a yes/no question: for multi choice, "did the
 * annotator tick it"; for single choice, pairwise and ratings, "did they pick exactly it".
 */
export function optionAlphas(
  kind: TLabelKind,
  dict: TValueDictionary,
  table: TPatternTable,
  weights: Float64Array,
): TMetricEstimate[] {
  const options =
    kind === "multi_choice"
      ? dict.options.map((o) => ({
          key: o.key,
          label: o.title,
          has: (v: number) => setKeys(dict.values[v]).includes(o.key),
        }))
      : dict.values.map((value, i) => ({
          key: String(value),
          label: dict.labels[i],
          has: (v: number) => v === i,
        }));
  return options.map((option) => {
    const derived = deriveTable(table, [0, 1], (v) => (option.has(v) ? 1 : 0));
    const w = mapWeights(weights, derived.patternMap, derived.table.patternCount);
    return {
      metric: "alpha_nominal" as const,
      option: option.key,
      label: option.label,
      ...alphaOnPatterns(derived.table, w, "nominal"),
    };
  });
}

/** MASI distance between label-set values, for Krippendorff's alpha. */
export function masiMetric(): AlphaMetric {
  const sets = new Map<string, string[]>();
  const keysOf = (v: string | number) => {
    const k = String(v);
    let s = sets.get(k);
    if (!s) sets.set(k, (s = setKeys(k)));
    return s;
  };
  return { kind: "distance", distance: (a, b) => masiDistance(keysOf(a), keysOf(b)) };
}
