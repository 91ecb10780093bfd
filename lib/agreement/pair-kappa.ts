import type { RatingValue } from "./types";
import { compareValues } from "./values";

/**
 * Cohen's kappa from a confusion table of two annotators' labels on the items both labeled:
 * `counts[i][j]` = items where the first said values[i] and the second values[j]. Gives exactly
 * `cohensKappa(a, b, weights)` on the underlying label lists (scikit-learn's definition): labels are
 * the values either annotator used, sorted; weights use their rank positions among those labels.
 * null when there is no item or no variation.
 */
export function kappaFromConfusion(
  counts: readonly (readonly number[])[],
  values: readonly RatingValue[],
  weights?: "linear" | "quadratic",
): number | null {
  const V = values.length;
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(V);
  let total = 0;
  for (let i = 0; i < V; i++)
    for (let j = 0; j < V; j++) {
      const c = counts[i]?.[j] ?? 0;
      rowSum[i] += c;
      colSum[j] += c;
      total += c;
    }
  if (total === 0) return null;
  const used = [...values.keys()].filter((i) => rowSum[i] > 0 || colSum[i] > 0);
  used.sort((a, b) => compareValues(values[a], values[b]));
  const rank = new Map(used.map((v, r) => [v, r]));
  let observed = 0;
  let expected = 0;
  for (const i of used)
    for (const j of used) {
      const d = Math.abs(rank.get(i)! - rank.get(j)!);
      const w = weights === "linear" ? d : weights === "quadratic" ? d * d : d === 0 ? 0 : 1;
      if (w === 0) continue;
      observed += w * (counts[i]?.[j] ?? 0);
      expected += (w * rowSum[i] * colSum[j]) / total;
    }
  if (!(expected > 0)) return null;
  return 1 - observed / expected;
}

/** Share of items on which the two annotators gave the same label (the confusion table's diagonal). */
export function agreementFromConfusion(counts: readonly (readonly number[])[]): number | null {
  let same = 0;
  let total = 0;
  counts.forEach((row, i) =>
    row.forEach((c, j) => {
      total += c;
      if (i === j) same += c;
    }),
  );
  return total === 0 ? null : same / total;
}
