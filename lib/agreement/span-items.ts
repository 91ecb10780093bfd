import { BOOTSTRAP_DRAWS, BOOTSTRAP_SEED, quantile, type TEstimate } from "./pattern-alpha";
import { createPrng } from "./prng";
import { spanAgreement, type AnnotatorSpans } from "./span-agreement";

/** Per item: matched spans and span totals summed over its annotator pairs (F1 = 2 matched / total). */
export type TSpanItemStats = {
  matched: Float64Array;
  total: Float64Array;
  byLabel: Map<string, { matched: Float64Array; total: Float64Array }>;
};

/**
 * Splits `spanAgreement` into per-item sums, so the micro-averaged F1 of any subset of items (a
 * bootstrap replicate, a week) is 2 * sum(matched) / sum(total). The matching itself is
 * `spanAgreement`'s: on one item its F1 times the item's span total, halved, is the matched count.
 */
export function spanItemStats(
  items: readonly (readonly AnnotatorSpans[])[],
  mode: "exact" | "overlap",
): TSpanItemStats {
  const n = items.length;
  const matched = new Float64Array(n);
  const total = new Float64Array(n);
  const byLabel = new Map<string, { matched: Float64Array; total: Float64Array }>();
  items.forEach((item, i) => {
    if (item.length < 2) return;
    const result = spanAgreement([item], mode);
    const perLabelTotal = new Map<string, number>();
    for (const a of item)
      for (const s of a.spans)
        perLabelTotal.set(s.label, (perLabelTotal.get(s.label) ?? 0) + item.length - 1);
    for (const [label, t] of perLabelTotal) {
      let entry = byLabel.get(label);
      if (!entry) byLabel.set(label, (entry = { matched: new Float64Array(n), total: new Float64Array(n) }));
      const m = Math.round(((result.perLabel[label] ?? 0) * t) / 2);
      entry.matched[i] = m;
      entry.total[i] = t;
      matched[i] += m;
      total[i] += t;
    }
  });
  return { matched, total, byLabel };
}

/**
 * Micro-averaged F1 = 2 sum(matched) / sum(total) over the items in `subset` (default: all items
 * with two or more annotators, marked by `pairable`), with a percentile bootstrap interval that
 * resamples those items.
 */
export function f1WithInterval(
  matched: Float64Array,
  total: Float64Array,
  subset: readonly number[],
  options: { draws?: number; seed?: number } = {},
): TEstimate {
  return ratioWithInterval(matched, total, subset, { ...options, scale: 2 });
}

/**
 * scale * sum(numerator) / sum(denominator) over the items in `subset`, with a percentile bootstrap
 * interval that resamples those items (the product's seed and number of draws). A mean over items
 * is the case denominator = 1 for every item.
 */
export function ratioWithInterval(
  numerator: Float64Array,
  denominator: Float64Array,
  subset: readonly number[],
  options: { draws?: number; seed?: number; scale?: number } = {},
): TEstimate {
  const n = subset.length;
  const scale = options.scale ?? 1;
  let m = 0;
  let t = 0;
  for (const i of subset) {
    m += numerator[i];
    t += denominator[i];
  }
  if (n === 0 || t === 0) return { value: null, ci: null, items: n };
  const draws = options.draws ?? BOOTSTRAP_DRAWS;
  const rng = createPrng(options.seed ?? BOOTSTRAP_SEED);
  const results = new Float64Array(draws);
  let defined = 0;
  for (let d = 0; d < draws; d++) {
    let dm = 0;
    let dt = 0;
    for (let k = 0; k < n; k++) {
      const i = subset[rng.nextIndex(n)];
      dm += numerator[i];
      dt += denominator[i];
    }
    if (dt > 0) results[defined++] = (scale * dm) / dt;
  }
  const sorted = results.subarray(0, defined).sort();
  return {
    value: (scale * m) / t,
    ci: defined ? [quantile(sorted, 0.025), quantile(sorted, 0.975)] : null,
    items: n,
  };
}
