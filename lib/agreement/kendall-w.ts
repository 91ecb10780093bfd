/**
 * Kendall's coefficient of concordance W for m annotators ordering the same n objects, on
 * midranks with the correction for ties (Siegel & Castellan 1988, eq. 9.16):
 *
 *   W = 12 S / (m²(n³ − n) − m Σ T),  S = Σ_j (R_j − m(n + 1)/2)²,  T = Σ over tie groups (t³ − t)
 *
 * where R_j is the sum over annotators of object j's midrank (tied objects get the mean of the
 * positions they span). Undefined (null) with fewer than two annotators or objects, or when the
 * denominator is 0: every annotator tied everything.
 */
export function kendallW(scores: readonly (readonly number[])[]): number | null {
  const m = scores.length;
  if (m < 2) return null;
  const n = scores[0].length;
  if (n < 2) return null;
  const sums = new Float64Array(n);
  let ties = 0;
  for (const row of scores) {
    if (row.length !== n) throw new Error(`every annotator must order the same ${n} objects`);
    const { ranks, tieSum } = midranks(row);
    ties += tieSum;
    for (let j = 0; j < n; j++) sums[j] += ranks[j];
  }
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (!(denominator > 0)) return null;
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (let j = 0; j < n; j++) s += (sums[j] - mean) ** 2;
  return (12 * s) / denominator;
}

/**
 * Midranks of scores (lower score = earlier position, so a dense rank 1 = best keeps position 1),
 * and Σ (t³ − t) over the groups of t tied scores.
 */
export function midranks(row: readonly number[]): { ranks: Float64Array; tieSum: number } {
  const n = row.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => row[a] - row[b]);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && row[order[end]] === row[order[start]]) end++;
    const t = end - start;
    // Positions start+1 .. end, 1-based: their mean.
    const mid = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = mid;
    tieSum += t * t * t - t;
    start = end;
  }
  return { ranks, tieSum };
}
