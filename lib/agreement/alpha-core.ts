import type { IntervalSummary } from "./alpha-metric";
import { canonicalize, fixedDelta, intervalSummary } from "./alpha-metric";
import type { AlphaMetric, IntArray, RatingValue } from "./types";
import { validateValuesForMetric } from "./values";

/**
 * Krippendorff's alpha prepared from aggregated (item, value, count) data.
 *
 * Pairable units (>= 2 ratings) are grouped into *patterns*: units with the
 * identical multiset of values. Alpha only depends on how often each pattern
 * occurs, so both the point estimate and every bootstrap replicate are a
 * function of a weight vector over patterns (see `evaluateAlpha`). For
 * categorical data the number of patterns is tiny compared to the number of
 * items, which is what makes the bootstrap cheap.
 *
 * Per pattern g with m_g pairable values and value counts n_gc, the unit's
 * contribution to the coincidence matrix is o_ck = n_gc (n_gk - [c = k]) / (m_g - 1).
 */
export type PreparedAlpha = {
  readonly metric: AlphaMetric;
  /** Distinct values, sorted with `compareValues`; indices below refer to this list. */
  readonly values: readonly RatingValue[];
  /** Numeric copy of `values` (interval / ratio only, otherwise empty). */
  readonly numeric: Float64Array;
  /** Number of pairable units (items with at least two ratings). */
  readonly unitCount: number;
  readonly patternCount: number;
  /** How many pairable units have each pattern. */
  readonly frequency: Float64Array;
  /** CSR layout of each pattern's (value, count) entries; length patternCount + 1. */
  readonly entryStart: Int32Array;
  readonly entryValue: Int32Array;
  readonly entryCount: Float64Array;
  /**
   * Per pattern: sum over c != k of o_ck * delta(c, k), for metrics whose
   * delta does not depend on the marginals (all but ordinal; 0 for ordinal).
   */
  readonly observed: Float64Array;
  /** Ordinal only: CSR per pattern of (global pair index, o_ck + o_kc) for c < k. */
  readonly pairStart: Int32Array;
  readonly pairIndex: Int32Array;
  readonly pairWeight: Float64Array;
  /** Ordinal only: the value indices (low < high) of each global pair. */
  readonly pairLow: Int32Array;
  readonly pairHigh: Int32Array;
  /** Interval only: per-pattern sums that make evaluation O(patterns). */
  readonly interval: IntervalSummary | null;
};

/**
 * Groups aggregated (item, value, count) triples into patterns.
 *
 * - `itemIds` must be non-decreasing (rows of one item contiguous), as from
 *   `ORDER BY item`; otherwise an Error is thrown.
 * - `valueIdx[i]` indexes `values`; duplicate (item, value) rows are summed;
 *   `values` may contain duplicates (they are merged).
 * - `counts` must be non-negative; zero counts are ignored.
 */
export function prepareAlpha(
  itemIds: IntArray,
  valueIdx: IntArray,
  counts: IntArray,
  values: readonly RatingValue[],
  metric: AlphaMetric,
): PreparedAlpha {
  const n = itemIds.length;
  if (valueIdx.length !== n || counts.length !== n) {
    throw new Error("itemIds, valueIdx and counts must have the same length");
  }
  validateValuesForMetric(values, metric);
  const canon = canonicalize(values);
  const V = canon.values.length;
  const numeric = new Float64Array(metric === "interval" || metric === "ratio" ? V : 0);
  for (let c = 0; c < numeric.length; c++) numeric[c] = canon.values[c] as number;

  const frequency: number[] = [];
  let unitCount = 0;
  const entryStart: number[] = [0];
  const entryValue: number[] = [];
  const entryCount: number[] = [];
  const observed: number[] = [];
  const pairStart: number[] = [0];
  const pairIndex: number[] = [];
  const pairWeight: number[] = [];
  const pairLow: number[] = [];
  const pairHigh: number[] = [];
  const pairIds = new Map<number, number>();
  const byHash = new Map<number, number>();
  const nextSameHash: number[] = [];
  const ordinal = metric === "ordinal";

  const sv: number[] = [];
  const sc: number[] = [];
  let i = 0;
  while (i < n) {
    const id = itemIds[i];
    let len = 0;
    let m = 0;
    let j = i;
    for (; j < n && itemIds[j] === id; j++) {
      const raw = valueIdx[j];
      if (raw < 0 || raw >= values.length) throw new Error(`valueIdx ${raw} is out of range`);
      const cnt = counts[j];
      if (cnt < 0) throw new Error(`counts must be non-negative; got ${cnt}`);
      if (cnt === 0) continue;
      m += cnt;
      // Insertion into the unit's small sorted entry list, merging duplicates.
      const v = canon.canonOf[raw];
      let p = len;
      while (p > 0 && sv[p - 1] > v) p--;
      if (p > 0 && sv[p - 1] === v) {
        sc[p - 1] += cnt;
        continue;
      }
      for (let q = len; q > p; q--) {
        sv[q] = sv[q - 1];
        sc[q] = sc[q - 1];
      }
      sv[p] = v;
      sc[p] = cnt;
      len++;
    }
    if (j < n && itemIds[j] < id) throw new Error("itemIds must be sorted (non-decreasing)");
    i = j;
    if (m < 2) continue;

    let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
    for (let e = 0; e < len; e++) {
      h = Math.imul(h ^ sv[e], 0x01000193);
      h = Math.imul(h ^ sc[e], 0x01000193);
    }
    let g = byHash.get(h) ?? -1;
    while (g >= 0) {
      const s = entryStart[g];
      if (entryStart[g + 1] - s === len) {
        let same = true;
        for (let e = 0; e < len && same; e++)
          same = entryValue[s + e] === sv[e] && entryCount[s + e] === sc[e];
        if (same) break;
      }
      g = nextSameHash[g];
    }
    if (g < 0) {
      g = frequency.length;
      nextSameHash.push(byHash.get(h) ?? -1);
      byHash.set(h, g);
      frequency.push(0);
      let obs = 0;
      for (let a = 0; a < len; a++) {
        entryValue.push(sv[a]);
        entryCount.push(sc[a]);
        for (let b = a + 1; b < len; b++) {
          // o_ab + o_ba for a != b: 2 * n_a * n_b / (m - 1)
          const w = (2 * sc[a] * sc[b]) / (m - 1);
          if (ordinal) {
            const key = sv[a] * V + sv[b];
            let pid = pairIds.get(key);
            if (pid === undefined) {
              pid = pairLow.length;
              pairIds.set(key, pid);
              pairLow.push(sv[a]);
              pairHigh.push(sv[b]);
            }
            pairIndex.push(pid);
            pairWeight.push(w);
          } else {
            obs += w * fixedDelta(metric, canon.values, numeric, sv[a], sv[b]);
          }
        }
      }
      entryStart.push(entryValue.length);
      pairStart.push(pairIndex.length);
      observed.push(obs);
    }
    frequency[g]++;
    unitCount++;
  }

  const freq = Float64Array.from(frequency);
  const starts = Int32Array.from(entryStart);
  const entryValues = Int32Array.from(entryValue);
  const entryCounts = Float64Array.from(entryCount);
  return {
    metric,
    values: canon.values,
    numeric,
    unitCount,
    patternCount: frequency.length,
    frequency: freq,
    entryStart: starts,
    entryValue: entryValues,
    entryCount: entryCounts,
    observed: Float64Array.from(observed),
    pairStart: Int32Array.from(pairStart),
    pairIndex: Int32Array.from(pairIndex),
    pairWeight: Float64Array.from(pairWeight),
    pairLow: Int32Array.from(pairLow),
    pairHigh: Int32Array.from(pairHigh),
    interval: metric === "interval" ? intervalSummary(starts, entryValues, entryCounts, freq, numeric) : null,
  };
}
