import { kendallW } from "./kendall-w";
import { alphaOnPatterns, meanOnPatterns, type TEstimate } from "./pattern-alpha";
import { weightedPatterns } from "./pattern-table";

/**
 * Items that share one pattern: the same multiset of rankings (each a dense ranking aligned with
 * the item's responses, 1 best), and how many items have it. SQL groups a definition's items this
 * way (ADR 005), so a million rankings come back as far fewer patterns.
 */
export type TRankingPattern = { rankings: readonly (readonly number[])[]; items: number };

export type TRankingAgreement = {
  /** Krippendorff's ordinal alpha over the units (item, response position), the dense rank as value. */
  alpha: TEstimate;
  /** Mean over items (≥ 2 annotations, ≥ 2 responses, W defined) of Kendall's W, with its interval. */
  kendallW: TEstimate;
};

/**
 * Ranking agreement (ADR 016). Alpha's bootstrap resamples units (item, response position), as the
 * pattern machinery does for every alpha; W's resamples items.
 */
export function rankingAgreement(patterns: readonly TRankingPattern[]): TRankingAgreement {
  let maxRank = 1;
  for (const p of patterns) for (const r of p.rankings) for (const v of r) maxRank = Math.max(maxRank, v);
  const units: [Map<number, number>, number][] = [];
  // Patterns with the same W are one cell of W's bootstrap: a multinomial over merged cells is the
  // multinomial of their sums, so the interval's distribution is unchanged, and each replicate draws
  // over a few dozen scores instead of thousands of patterns (issue 13's bench).
  const wCell = new Map<number, number>();
  const wScores: number[] = [];
  const wWeights: number[] = [];
  for (const p of patterns) {
    if (p.items <= 0 || p.rankings.length === 0) continue;
    const positions = Math.max(...p.rankings.map((r) => r.length));
    for (let j = 0; j < positions; j++) {
      const counts = new Map<number, number>();
      for (const r of p.rankings) if (j < r.length) counts.set(r[j] - 1, (counts.get(r[j] - 1) ?? 0) + 1);
      units.push([counts, p.items]);
    }
    const complete = p.rankings.filter((r) => r.length === positions);
    if (complete.length >= 2 && positions >= 2) {
      const w = kendallW(complete);
      if (w !== null) {
        const cell = wCell.get(w);
        if (cell !== undefined) wWeights[cell] += p.items;
        else {
          wCell.set(w, wScores.length);
          wScores.push(w);
          wWeights.push(p.items);
        }
      }
    }
  }
  const ranks = Array.from({ length: maxRank }, (_, i) => i + 1);
  const { table, weights } = weightedPatterns(ranks, units);
  return {
    alpha: alphaOnPatterns(table, weights, "ordinal"),
    kendallW: meanOnPatterns(Float64Array.from(wScores), Float64Array.from(wWeights)),
  };
}

/**
 * For one item's rankings, the responses annotators disagree about most: per response position,
 * its mean rank and the mean absolute difference of its ranks over annotator pairs; most disputed
 * first (ties in dispute by position).
 */
export function disputedResponses(
  rankings: readonly (readonly number[])[],
): { position: number; meanRank: number; spread: number }[] {
  const positions = Math.max(0, ...rankings.map((r) => r.length));
  const out: { position: number; meanRank: number; spread: number }[] = [];
  for (let j = 0; j < positions; j++) {
    const ranks = rankings.filter((r) => j < r.length).map((r) => r[j]);
    let diff = 0;
    let pairs = 0;
    for (let a = 0; a < ranks.length; a++)
      for (let b = a + 1; b < ranks.length; b++) {
        diff += Math.abs(ranks[a] - ranks[b]);
        pairs++;
      }
    const meanRank = ranks.reduce((s, v) => s + v, 0) / Math.max(1, ranks.length);
    out.push({ position: j, meanRank, spread: pairs === 0 ? 0 : diff / pairs });
  }
  return out.sort((x, y) => y.spread - x.spread || x.position - y.position);
}
