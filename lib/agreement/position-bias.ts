import { positionOf } from "@/lib/label-definitions/pairwise-sides";
import type { TPairwiseValue } from "@/lib/label-definitions/label-limits";

/** Pairwise answers of one annotator with one value, shown in one side order: `count` of them. */
export type TSideAnswers = { user: string; value: TPairwiseValue; isFlipped: boolean; count: number };

export type TPositionBias = {
  user: string;
  /** Answers that chose the side shown on the left. */
  left: number;
  /** Answers that chose a side (ties left out). */
  answered: number;
  /** left / answered; null with no side chosen. */
  leftShare: number | null;
  /** Answers given with the sides shown swapped (B left): how much the shuffle mixed the sides. */
  flipped: number;
  /** Exact two-sided binomial test of "left and right equally likely"; null with no side chosen. */
  pValue: number | null;
};

/**
 * Position bias per annotator: how often they chose the side shown on the left. Without shuffled
 * sides, left is always A, so a preference for A's content cannot be told from one for the left;
 * `flipped` says how much the shuffle separated them. Users in order of first appearance.
 */
export function positionBias(rows: readonly TSideAnswers[]): TPositionBias[] {
  const byUser = new Map<string, { left: number; answered: number; flipped: number }>();
  for (const row of rows) {
    const position = positionOf(row.value, row.isFlipped);
    const entry = byUser.get(row.user) ?? { left: 0, answered: 0, flipped: 0 };
    if (position !== null) {
      entry.answered += row.count;
      if (position === "left") entry.left += row.count;
      if (row.isFlipped) entry.flipped += row.count;
    }
    byUser.set(row.user, entry);
  }
  return [...byUser].map(([user, e]) => ({
    user,
    ...e,
    leftShare: e.answered === 0 ? null : e.left / e.answered,
    pValue: e.answered === 0 ? null : binomialTwoSided(e.left, e.answered),
  }));
}

/**
 * P(a result at least as far from n/2 as k) for k successes in n fair trials. The distribution is
 * symmetric, so it is twice the smaller tail (capped at 1). Summed in log space: exact to rounding
 * for any n, in O(min(k, n - k)).
 */
export function binomialTwoSided(k: number, n: number): number {
  const m = Math.min(k, n - k);
  const logHalfN = n * Math.log(0.5);
  let logChoose = 0;
  let tail = 0;
  for (let i = 0; i <= m; i++) {
    tail += Math.exp(logChoose + logHalfN);
    logChoose += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, 2 * tail);
}
