import { prepareAlpha } from "./alpha-core";
import { sampleMultinomial } from "./binomial";
import { bootstrapPrepared, type BootstrapOptions } from "./bootstrap";
import { pairAgreementShares, type TPatternTable } from "./pattern-table";
import { createPrng } from "./prng";
import type { AlphaMetric } from "./types";

/** A statistic with its bootstrap 95% interval and the number of items it rests on. */
export type TEstimate = { value: number | null; ci: [number, number] | null; items: number };

/** The seed every interval in the product uses, so the same data always shows the same interval. */
export const BOOTSTRAP_SEED = 42;
export const BOOTSTRAP_DRAWS = 1000;

/**
 * Krippendorff's alpha and its percentile bootstrap interval (items resampled) for the items in
 * which pattern g occurs `weights[g]` times (non-negative integers).
 *
 * Each pairable pattern is handed to `prepareAlpha` once, as one unit; the prepared data then gets
 * the group's pattern counts as its frequencies. Alpha and the bootstrap depend on the units only
 * through those frequencies (see `PreparedAlpha`), so this equals `bootstrapAlphaFromItemValueCounts`
 * on the expanded items, at a cost independent of the number of items.
 */
export function alphaOnPatterns(
  table: TPatternTable,
  weights: Float64Array,
  metric: AlphaMetric,
  options: BootstrapOptions = {},
): TEstimate {
  const itemIds: number[] = [];
  const valueIdx: number[] = [];
  const counts: number[] = [];
  const frequency: number[] = [];
  for (let g = 0; g < table.patternCount; g++) {
    const w = weights[g];
    if (!(w > 0) || table.size[g] < 2) continue;
    if (!Number.isInteger(w)) throw new Error(`pattern weights must be integers; got ${w}`);
    const unit = frequency.length;
    for (let e = table.entryStart[g]; e < table.entryStart[g + 1]; e++) {
      itemIds.push(unit);
      valueIdx.push(table.entryValue[e]);
      counts.push(table.entryCount[e]);
    }
    frequency.push(w);
  }
  const items = frequency.reduce((a, b) => a + b, 0);
  if (frequency.length === 0) return { value: null, ci: null, items };
  const prepared = prepareAlpha(
    Int32Array.from(itemIds),
    Int32Array.from(valueIdx),
    Int32Array.from(counts),
    table.values,
    metric,
  );
  // Distinct multisets stay distinct patterns, in input order; anything else would misalign the weights.
  if (prepared.patternCount !== frequency.length) throw new Error("pattern table holds duplicate patterns");
  const result = bootstrapPrepared(
    { ...prepared, frequency: Float64Array.from(frequency), unitCount: items },
    { seed: BOOTSTRAP_SEED, draws: BOOTSTRAP_DRAWS, ...options },
  );
  return { value: result.value, ci: result.ci, items };
}

/**
 * Weighted mean of per-pattern scores over items (patterns whose score is NaN do not count), with
 * a percentile bootstrap interval: each replicate draws as many items as there are, with
 * replacement (a multinomial over the patterns).
 */
export function meanOnPatterns(
  scores: Float64Array,
  weights: Float64Array,
  options: { draws?: number; seed?: number } = {},
): TEstimate {
  const used: number[] = [];
  for (let g = 0; g < scores.length; g++) if (weights[g] > 0 && !Number.isNaN(scores[g])) used.push(g);
  const w = Float64Array.from(used, (g) => weights[g]);
  const s = Float64Array.from(used, (g) => scores[g]);
  const items = w.reduce((a, b) => a + b, 0);
  if (items === 0) return { value: null, ci: null, items: 0 };
  const mean = (counts: Float64Array) => {
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i] * s[i];
    return total / items;
  };
  const draws = options.draws ?? BOOTSTRAP_DRAWS;
  const rng = createPrng(options.seed ?? BOOTSTRAP_SEED);
  const replicate = new Float64Array(w.length);
  const results = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    sampleMultinomial(rng, items, w, replicate);
    results[d] = mean(replicate);
  }
  results.sort();
  return { value: mean(w), ci: [quantile(results, 0.025), quantile(results, 0.975)], items };
}

/** Share of agreeing annotator pairs per item, averaged over items (= `percentAgreement`), with its interval. */
export function percentAgreementOnPatterns(table: TPatternTable, weights: Float64Array): TEstimate {
  return meanOnPatterns(pairAgreementShares(table), weights);
}

/** Quantile with linear interpolation between order statistics (numpy's default), on sorted data. */
export function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
