import type { Rating } from "./types";
import { countValues, presentRatings } from "./values";

/**
 * Mean over items with at least two ratings of the share of agreeing rater
 * pairs: for an item with m ratings and value counts n_c, that share is
 * sum_c n_c (n_c - 1) / (m (m - 1)). Each item weighs the same regardless of
 * its number of ratings. Returns null when no item has two ratings.
 */
export function percentAgreement(m: Rating[][]): number | null {
  let items = 0;
  let sum = 0;
  for (const row of m) {
    const present = presentRatings(row);
    const k = present.length;
    if (k < 2) continue;
    let agreeing = 0;
    for (const c of countValues(present).values()) agreeing += c * (c - 1);
    sum += agreeing / (k * (k - 1));
    items++;
  }
  return items === 0 ? null : sum / items;
}
