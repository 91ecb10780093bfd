import type { Rating, RatingValue } from "./types";
import { countValues, presentRatings } from "./values";

/**
 * Fleiss' kappa (Fleiss 1971) for a reliability matrix (rows = items,
 * columns = annotators, null = not rated).
 *
 * Nulls are ignored and rows with fewer than two ratings do not count. The
 * remaining rows must all have the same number of ratings n; otherwise this
 * **throws an Error** (Fleiss' kappa is not defined for varying n — use
 * Krippendorff's alpha for such data).
 *
 *   P_i = (sum_j n_ij^2 - n) / (n (n - 1)),  P = mean_i P_i
 *   p_j = sum_i n_ij / (N n),                Pe = sum_j p_j^2
 *   kappa = (P - Pe) / (1 - Pe)
 *
 * Returns null when no row counts or only one category is used (Pe = 1).
 */
export function fleissKappa(m: Rating[][]): number | null {
  const totals = new Map<RatingValue, number>();
  let raters = -1;
  let items = 0;
  let agreementSum = 0;
  for (let r = 0; r < m.length; r++) {
    const present = presentRatings(m[r]);
    if (present.length < 2) continue;
    if (raters === -1) raters = present.length;
    else if (present.length !== raters) {
      throw new Error(
        `Fleiss' kappa needs the same number of ratings per item; row ${r} has ${present.length}, earlier rows have ${raters}`,
      );
    }
    let sq = 0;
    for (const [v, c] of countValues(present)) {
      sq += c * c;
      totals.set(v, (totals.get(v) ?? 0) + c);
    }
    agreementSum += (sq - raters) / (raters * (raters - 1));
    items++;
  }
  if (items === 0 || totals.size < 2) return null;
  const pBar = agreementSum / items;
  let pe = 0;
  for (const t of totals.values()) {
    const pj = t / (items * raters);
    pe += pj * pj;
  }
  return (pBar - pe) / (1 - pe);
}
