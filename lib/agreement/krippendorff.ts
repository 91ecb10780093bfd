import { prepareAlpha } from "./alpha-core";
import { createWorkspace, evaluateAlpha } from "./alpha-evaluate";
import type { AlphaLevel, AlphaMetric, IntArray, Rating, RatingValue } from "./types";
import { assertFiniteValue } from "./values";

/** Aggregated triples: unit `itemIds[i]` has `counts[i]` ratings equal to `values[valueIdx[i]]`. */
export type ItemValueCounts = {
  itemIds: Int32Array;
  valueIdx: Int32Array;
  counts: Int32Array;
  values: RatingValue[];
};

/**
 * Converts a reliability matrix (rows = items, columns = annotators, null =
 * not rated) into aggregated triples sorted by item (one triple per rating).
 */
export function matrixToItemValueCounts(m: readonly (readonly Rating[])[]): ItemValueCounts {
  const index = new Map<RatingValue, number>();
  const values: RatingValue[] = [];
  const items: number[] = [];
  const idx: number[] = [];
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      assertFiniteValue(v);
      let k = index.get(v);
      if (k === undefined) {
        k = values.length;
        index.set(v, k);
        values.push(v);
      }
      items.push(r);
      idx.push(k);
    }
  }
  return {
    itemIds: Int32Array.from(items),
    valueIdx: Int32Array.from(idx),
    counts: new Int32Array(items.length).fill(1),
    values,
  };
}

/**
 * Krippendorff's alpha from aggregated (item, value, count) triples, e.g.
 * straight from `SELECT item_id, value, count(*) ... GROUP BY 1, 2 ORDER BY 1`.
 *
 * @param itemIds item of each triple; must be non-decreasing (throws otherwise)
 * @param valueIdx index into `values` of each triple
 * @param counts number of ratings of that value on that item (>= 0)
 * @param values the rating values; numbers for interval / ratio
 * @param level metric level (or a custom `DistanceMetric`)
 * @returns alpha, or null when undefined (no item with two ratings, or no variation)
 */
export function alphaFromItemValueCounts(
  itemIds: IntArray,
  valueIdx: IntArray,
  counts: IntArray,
  values: readonly RatingValue[],
  level: AlphaMetric,
): number | null {
  const prepared = prepareAlpha(itemIds, valueIdx, counts, values, level);
  return evaluateAlpha(prepared, prepared.frequency, createWorkspace(prepared));
}

/**
 * Krippendorff's alpha for a reliability matrix (rows = items, columns =
 * annotators, null = not rated). Items with fewer than two ratings are
 * ignored. Numbers sort numerically and strings lexicographically (ordinal);
 * interval and ratio need numbers (ratio: non-negative). Throws on invalid
 * input (NaN/Infinity, strings for interval/ratio, mixed types for ordinal).
 */
export function krippendorffAlpha(m: Rating[][], level: AlphaLevel): number | null {
  return krippendorffAlphaWithMetric(m, level);
}

/** As `krippendorffAlpha`, also accepting a custom `DistanceMetric`. */
export function krippendorffAlphaWithMetric(
  m: readonly (readonly Rating[])[],
  metric: AlphaMetric,
): number | null {
  const t = matrixToItemValueCounts(m);
  return alphaFromItemValueCounts(t.itemIds, t.valueIdx, t.counts, t.values, metric);
}
