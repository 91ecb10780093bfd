import type { PreparedAlpha } from "./alpha-core";
import type { IntervalSummary } from "./alpha-metric";

/** Scratch buffers reused across evaluations (one per bootstrap run). */
export type AlphaWorkspace = {
  marginals: Float64Array;
  position: Float64Array;
  pairTotals: Float64Array;
};

export function createWorkspace(p: PreparedAlpha): AlphaWorkspace {
  const V = p.values.length;
  return {
    marginals: new Float64Array(V),
    position: new Float64Array(V),
    pairTotals: new Float64Array(p.pairLow.length),
  };
}

/** sum_c n_c (x_c - mean)^2 over values with n_c > 0, where n = sum_c n_c. */
function weightedSquaredDeviation(marginals: Float64Array, x: Float64Array, n: number): number {
  let mean = 0;
  for (let c = 0; c < marginals.length; c++) mean += marginals[c] * x[c];
  mean /= n;
  let s = 0;
  for (let c = 0; c < marginals.length; c++) {
    const w = marginals[c];
    if (w === 0) continue;
    const d = x[c] - mean;
    s += w * d * d;
  }
  return s;
}

/** Interval alpha in O(patterns) from the per-pattern sums (see `IntervalSummary`). */
function evaluateInterval(p: PreparedAlpha, s: IntervalSummary, weights: Float64Array): number | null {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let observed = 0;
  let only = -1;
  let varied = false;
  for (let g = 0; g < p.patternCount; g++) {
    const w = weights[g];
    if (w === 0) continue;
    n += w * s.size[g];
    s1 += w * s.sum[g];
    s2 += w * s.sumSq[g];
    observed += w * p.observed[g];
    if (!varied) {
      const c = s.constant[g];
      if (c < 0 || (only >= 0 && c !== only)) varied = true;
      else only = c;
    }
  }
  if (!varied) return null;
  const expected = 2 * (n * s2 - s1 * s1);
  if (!(expected > 0)) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's alpha for the data in which pattern g occurs `weights[g]`
 * times (`p.frequency` gives the actual data; a bootstrap passes resampled
 * counts).
 *
 *   alpha = 1 - (n - 1) * sum_{c,k} o_ck delta_ck / sum_{c,k} n_c n_k delta_ck
 *
 * with n_c the coincidence-matrix marginals and n = sum_c n_c. Cost per call:
 * interval O(patterns); nominal and ordinal O(patterns + V); ratio and custom
 * distances O(patterns + V^2) (V = distinct values), because their expected
 * term has no shortcut. Ordinal uses the identity that Krippendorff's metric
 * (sum_{g=c..k} n_g - (n_c + n_k)/2)^2 equals (x_c - x_k)^2 with mid-rank
 * positions x_c = sum_{g<c} n_g + n_c / 2, so its expected term is
 * sum_{c,k} n_c n_k (x_c - x_k)^2 = 2 n sum_c n_c (x_c - mean)^2, O(V).
 *
 * Returns null when fewer than two distinct values are pairable (or the
 * expected disagreement is otherwise 0).
 */
export function evaluateAlpha(p: PreparedAlpha, weights: Float64Array, ws: AlphaWorkspace): number | null {
  if (p.interval !== null) return evaluateInterval(p, p.interval, weights);
  const { marginals } = ws;
  const V = marginals.length;
  marginals.fill(0);
  const ordinal = p.metric === "ordinal";
  if (ordinal) ws.pairTotals.fill(0);
  let observed = 0;
  for (let g = 0; g < p.patternCount; g++) {
    const w = weights[g];
    if (w === 0) continue;
    observed += w * p.observed[g];
    for (let e = p.entryStart[g]; e < p.entryStart[g + 1]; e++)
      marginals[p.entryValue[e]] += w * p.entryCount[e];
    if (ordinal) {
      for (let q = p.pairStart[g]; q < p.pairStart[g + 1]; q++)
        ws.pairTotals[p.pairIndex[q]] += w * p.pairWeight[q];
    }
  }

  let n = 0;
  let distinct = 0;
  for (let c = 0; c < V; c++) {
    n += marginals[c];
    if (marginals[c] > 0) distinct++;
  }
  if (distinct < 2) return null;

  let expected = 0;
  const metric = p.metric;
  if (metric === "nominal") {
    let sq = 0;
    for (let c = 0; c < V; c++) sq += marginals[c] * marginals[c];
    expected = n * n - sq;
  } else if (metric === "interval") {
    // Only reached for a PreparedAlpha built without its interval summary.
    expected = 2 * n * weightedSquaredDeviation(marginals, p.numeric, n);
  } else if (metric === "ordinal") {
    const x = ws.position;
    let below = 0;
    for (let c = 0; c < V; c++) {
      x[c] = below + marginals[c] / 2;
      below += marginals[c];
    }
    expected = 2 * n * weightedSquaredDeviation(marginals, x, n);
    observed = 0;
    for (let q = 0; q < ws.pairTotals.length; q++) {
      const t = ws.pairTotals[q];
      if (t === 0) continue;
      const d = x[p.pairLow[q]] - x[p.pairHigh[q]];
      observed += t * d * d;
    }
  } else {
    // ratio or custom distance: O(V^2) over the values that occur.
    for (let c = 0; c < V; c++) {
      const nc = marginals[c];
      if (nc === 0) continue;
      for (let k = c + 1; k < V; k++) {
        const nk = marginals[k];
        if (nk === 0) continue;
        let d: number;
        if (metric === "ratio") {
          const r = (p.numeric[c] - p.numeric[k]) / (p.numeric[c] + p.numeric[k]);
          d = r * r;
        } else {
          d = metric.distance(p.values[c], p.values[k]);
        }
        expected += 2 * nc * nk * d;
      }
    }
  }
  if (!(expected > 0)) return null;
  return 1 - ((n - 1) * observed) / expected;
}
