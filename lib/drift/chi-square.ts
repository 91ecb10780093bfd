import { chiSquareSurvival } from "./gamma";

export type TChiSquareResult = {
  statistic: number;
  df: number;
  pValue: number;
  /** Cramér's V, the effect size: 0 = same distribution, 1 = no category in common. */
  cramersV: number;
  n: number;
};

/**
 * Pearson's chi-square test of homogeneity on a contingency table (rows = samples, e.g. two
 * windows; columns = categories), without continuity correction, like
 * `scipy.stats.chi2_contingency(table, correction=False)` on the table without its empty rows and
 * columns. Returns null when fewer than two rows or two columns have any count (nothing to compare).
 */
export function chiSquareHomogeneity(table: readonly (readonly number[])[]): TChiSquareResult | null {
  const width = Math.max(0, ...table.map((row) => row.length));
  const columnTotals = new Float64Array(width);
  const rows: number[][] = [];
  for (const row of table) {
    let total = 0;
    for (let c = 0; c < row.length; c++) {
      const count = row[c];
      if (!(count >= 0) || !Number.isFinite(count))
        throw new Error(`counts must be finite and >= 0; got ${count}`);
      total += count;
    }
    if (total === 0) continue;
    rows.push(Array.from({ length: width }, (_, c) => row[c] ?? 0));
    for (let c = 0; c < row.length; c++) columnTotals[c] += row[c];
  }
  const columns = [...columnTotals.keys()].filter((c) => columnTotals[c] > 0);
  if (rows.length < 2 || columns.length < 2) return null;
  const n = columns.reduce((sum, c) => sum + columnTotals[c], 0);
  let statistic = 0;
  for (const row of rows) {
    const rowTotal = columns.reduce((sum, c) => sum + row[c], 0);
    for (const c of columns) {
      const expected = (rowTotal * columnTotals[c]) / n;
      const d = row[c] - expected;
      statistic += (d * d) / expected;
    }
  }
  const df = (rows.length - 1) * (columns.length - 1);
  return {
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
    cramersV: Math.sqrt(statistic / (n * (Math.min(rows.length, columns.length) - 1))),
    n,
  };
}
