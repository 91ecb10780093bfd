import type { PreparedAlpha } from "./alpha-core";
import { prepareAlpha } from "./alpha-core";
import { createWorkspace, evaluateAlpha } from "./alpha-evaluate";
import { sampleMultinomial } from "./binomial";
import { matrixToItemValueCounts } from "./krippendorff";
import type { Prng } from "./prng";
import { createPrng } from "./prng";
import type { AlphaLevel, AlphaMetric, IntArray, Rating, RatingValue } from "./types";

export type BootstrapOptions = {
  /** Number of bootstrap replicates (default 1000). */
  draws?: number;
  /** PRNG seed, any safe integer (default 42). */
  seed?: number;
  /** 1 - confidence level of the percentile interval (default 0.05, i.e. a 95% interval). */
  alpha?: number;
  /**
   * How replicates are drawn; both give the same distribution. "patterns":
   * one multinomial draw over the distinct item patterns (cost ~ patterns);
   * "units": draw every item index (cost ~ items). "auto" (default) picks
   * "patterns" when items outnumber patterns at least 12 to 1 (measured crossover).
   */
  resampling?: "auto" | "patterns" | "units";
};

export type BootstrapResult = {
  /** Alpha on the actual data (null when undefined). */
  value: number | null;
  /** Percentile interval, or null when `value` is null or no replicate was defined. */
  ci: [number, number] | null;
  /**
   * Replicates whose alpha was defined. Replicates drawing only items without
   * variation have an undefined alpha and are left out of the interval.
   */
  definedDraws: number;
};

/** Quantile with linear interpolation between order statistics (R type 7, numpy's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Above this ratio of pairable units to patterns, replicates are drawn as one
 * multinomial over patterns (cost ~ patterns) instead of drawing every unit
 * index (cost ~ units). Both give the same distribution.
 */
const MULTINOMIAL_RATIO = 12;

/**
 * Draws `picks.length` units uniformly with replacement and sums the draws
 * per pattern. Units are numbered pattern by pattern (pattern g owns the next
 * `frequency[g]` numbers), so after counting draws per unit (random writes
 * into one array) the per-pattern sums are a sequential pass.
 */
function drawUnits(rng: Prng, frequency: Float64Array, picks: Int32Array, weights: Float64Array): void {
  const units = picks.length;
  picks.fill(0);
  for (let i = 0; i < units; i++) picks[rng.nextIndex(units)]++;
  let u = 0;
  for (let g = 0; g < frequency.length; g++) {
    let w = 0;
    for (const end = u + frequency[g]; u < end; u++) w += picks[u];
    weights[g] = w;
  }
}

/**
 * Percentile bootstrap for Krippendorff's alpha on prepared data. Each
 * replicate resamples the pairable units (items with >= 2 ratings) with
 * replacement, keeping their number fixed; items with fewer than two ratings
 * carry no information and are not resampled.
 */
export function bootstrapPrepared(p: PreparedAlpha, options: BootstrapOptions = {}): BootstrapResult {
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 42;
  const level = options.alpha ?? 0.05;
  if (!Number.isInteger(draws) || draws < 1)
    throw new Error(`draws must be a positive integer; got ${draws}`);
  if (!(level > 0 && level < 1)) throw new Error(`alpha must be in (0, 1); got ${level}`);
  const ws = createWorkspace(p);
  const value = evaluateAlpha(p, p.frequency, ws);
  if (value === null) return { value, ci: null, definedDraws: 0 };

  const rng = createPrng(seed);
  const units = p.unitCount;
  const weights = new Float64Array(p.patternCount);
  const resampling = options.resampling ?? "auto";
  const useMultinomial =
    resampling === "patterns" || (resampling === "auto" && p.patternCount * MULTINOMIAL_RATIO <= units);
  const picks = useMultinomial ? new Int32Array(0) : new Int32Array(units);
  const results = new Float64Array(draws);
  let defined = 0;
  for (let d = 0; d < draws; d++) {
    if (useMultinomial) sampleMultinomial(rng, units, p.frequency, weights);
    else drawUnits(rng, p.frequency, picks, weights);
    const a = evaluateAlpha(p, weights, ws);
    if (a !== null) results[defined++] = a;
  }
  if (defined === 0) return { value, ci: null, definedDraws: 0 };
  const sorted = results.subarray(0, defined).sort();
  return {
    value,
    ci: [quantileSorted(sorted, level / 2), quantileSorted(sorted, 1 - level / 2)],
    definedDraws: defined,
  };
}

/** Bootstrap confidence interval for alpha from aggregated (item, value, count) triples. */
export function bootstrapAlphaFromItemValueCounts(
  itemIds: IntArray,
  valueIdx: IntArray,
  counts: IntArray,
  values: readonly RatingValue[],
  level: AlphaMetric,
  options: BootstrapOptions = {},
): BootstrapResult {
  return bootstrapPrepared(prepareAlpha(itemIds, valueIdx, counts, values, level), options);
}

/** Bootstrap confidence interval for alpha on a reliability matrix (rows resampled). */
export function bootstrapAlpha(
  m: Rating[][],
  level: AlphaLevel,
  options: BootstrapOptions = {},
): BootstrapResult {
  const t = matrixToItemValueCounts(m);
  return bootstrapAlphaFromItemValueCounts(t.itemIds, t.valueIdx, t.counts, t.values, level, options);
}
