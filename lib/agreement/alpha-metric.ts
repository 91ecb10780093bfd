import type { AlphaMetric, RatingValue } from "./types";
import { compareValues } from "./values";

/** Distinct values in sorted order and, per input index, its position among them. */
export type Canonical = { values: RatingValue[]; canonOf: Int32Array };

export function canonicalize(values: readonly RatingValue[]): Canonical {
  if (values.every((v) => typeof v === "number")) return canonicalizeNumbers(values as readonly number[]);
  const order = values.map((_, i) => i).sort((a, b) => compareValues(values[a], values[b]));
  const distinct: RatingValue[] = [];
  const canonOf = new Int32Array(values.length);
  for (const i of order) {
    const v = values[i];
    if (distinct.length === 0 || compareValues(distinct[distinct.length - 1], v) !== 0) distinct.push(v);
    canonOf[i] = distinct.length - 1;
  }
  return { values: distinct, canonOf };
}

/** Numeric fast path: native typed-array sort, then binary search per value. */
function canonicalizeNumbers(values: readonly number[]): Canonical {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  }
  const canonOf = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    canonOf[i] = lo;
  }
  return { values: distinct, canonOf };
}

/** delta(c, k) for the metrics whose differences are fixed in advance. */
export function fixedDelta(
  metric: AlphaMetric,
  values: readonly RatingValue[],
  numeric: Float64Array,
  c: number,
  k: number,
): number {
  if (c === k) return 0;
  if (metric === "nominal") return 1;
  if (metric === "interval") {
    const d = numeric[c] - numeric[k];
    return d * d;
  }
  if (metric === "ratio") {
    const s = numeric[c] + numeric[k];
    if (s === 0) return 0;
    const r = (numeric[c] - numeric[k]) / s;
    return r * r;
  }
  if (metric === "ordinal") return 0;
  return metric.distance(values[c], values[k]);
}

/**
 * Per-pattern sufficient statistics for interval alpha, which then needs no
 * per-value marginals: with values centred on the overall mean x0,
 * sum_{c,k} n_c n_k (x_c - x_k)^2 = 2 (n S2 - S1^2), S1 = sum n_c (x_c - x0),
 * S2 = sum n_c (x_c - x0)^2, and each is a weighted sum over patterns.
 */
export type IntervalSummary = {
  /** Pairable values in the pattern (m_g). */
  size: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  /** The pattern's only value index, or -1 when it holds two or more distinct values. */
  constant: Int32Array;
};

export function intervalSummary(
  entryStart: Int32Array,
  entryValue: Int32Array,
  entryCount: Float64Array,
  frequency: Float64Array,
  numeric: Float64Array,
): IntervalSummary {
  const P = frequency.length;
  let total = 0;
  let weighted = 0;
  for (let g = 0; g < P; g++) {
    for (let e = entryStart[g]; e < entryStart[g + 1]; e++) {
      total += frequency[g] * entryCount[e];
      weighted += frequency[g] * entryCount[e] * numeric[entryValue[e]];
    }
  }
  const centre = total > 0 ? weighted / total : 0;
  const size = new Float64Array(P);
  const sum = new Float64Array(P);
  const sumSq = new Float64Array(P);
  const constant = new Int32Array(P);
  for (let g = 0; g < P; g++) {
    const first = entryStart[g];
    constant[g] = entryStart[g + 1] - first === 1 ? entryValue[first] : -1;
    for (let e = first; e < entryStart[g + 1]; e++) {
      const d = numeric[entryValue[e]] - centre;
      size[g] += entryCount[e];
      sum[g] += entryCount[e] * d;
      sumSq[g] += entryCount[e] * d * d;
    }
  }
  return { size, sum, sumSq, constant };
}
