import type { Rating, RatingValue } from "./types";
import { assertFiniteValue, compareValues, hasMixedTypes } from "./values";

/**
 * Cohen's kappa between two annotators, matching scikit-learn's
 * `cohen_kappa_score(a, b, weights=...)` with `labels=None`.
 *
 * Positions where either rating is null are dropped; `a` and `b` must have
 * the same length (throws otherwise). Labels are the sorted union of the
 * observed labels (numbers numerically, strings lexicographically); weights
 * use the labels' rank positions i, j in that list, not their values:
 * unweighted w = [i != j], linear w = |i - j|, quadratic w = (i - j)^2.
 * With C the confusion matrix and E = outer(row sums, column sums) / N,
 *
 *   kappa = 1 - sum(w * C) / sum(w * E)
 *
 * Returns null when no pair remains or sum(w * E) = 0 (no variation).
 * Weighted kappa throws when numbers and strings are mixed (no natural order).
 */
export function cohensKappa(a: Rating[], b: Rating[], weights?: "linear" | "quadratic"): number | null {
  if (a.length !== b.length) {
    throw new Error(`cohensKappa needs equally long rating lists; got ${a.length} and ${b.length}`);
  }
  const xs: RatingValue[] = [];
  const ys: RatingValue[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null || x === undefined || y === undefined) continue;
    assertFiniteValue(x);
    assertFiniteValue(y);
    xs.push(x);
    ys.push(y);
  }
  if (xs.length === 0) return null;

  const labels = [...new Set<RatingValue>([...xs, ...ys])].sort(compareValues);
  if (weights !== undefined && hasMixedTypes(labels)) {
    throw new Error("Weighted Cohen's kappa cannot order a mix of numeric and string labels");
  }
  const rank = new Map<RatingValue, number>();
  labels.forEach((l, i) => rank.set(l, i));
  const k = labels.length;
  const confusion = new Float64Array(k * k);
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  for (let i = 0; i < xs.length; i++) {
    const r = rank.get(xs[i]) as number;
    const c = rank.get(ys[i]) as number;
    confusion[r * k + c]++;
    rowSum[r]++;
    colSum[c]++;
  }
  const total = xs.length;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = Math.abs(i - j);
      const w = weights === "linear" ? d : weights === "quadratic" ? d * d : d === 0 ? 0 : 1;
      if (w === 0) continue;
      observed += w * confusion[i * k + j];
      expected += (w * rowSum[i] * colSum[j]) / total;
    }
  }
  if (!(expected > 0)) return null;
  return 1 - observed / expected;
}
