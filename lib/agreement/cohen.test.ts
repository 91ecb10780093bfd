import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohen";

/*
 * All expected values are derived by hand with scikit-learn's definition
 * (cohen_kappa_score, labels=None):
 *   C = confusion matrix (rows: first rater, columns: second), labels = sorted union,
 *   E = outer(row sums, column sums) / N,  kappa = 1 - sum(w * C) / sum(w * E),
 *   w_ij = [i != j] (unweighted), |i - j| (linear), (i - j)^2 (quadratic), i, j = label ranks.
 */

describe("cohensKappa: y1 = [0,1,2,0,1,2], y2 = [0,2,1,0,0,1]", () => {
  /*
   * Pairs (0,0) (1,2) (2,1) (0,0) (1,0) (2,1):
   *   C = [[2,0,0],[1,0,1],[0,2,0]], row sums [2,2,2], column sums [3,2,1], N = 6,
   *   every row of E is [3,2,1] * 2/6 = [1, 2/3, 1/3].
   * Unweighted: sum(w C) = 1 + 1 + 2 = 4; sum(w E) = 6 - (1 + 2/3 + 1/3) = 4 -> kappa = 0.
   * Linear: sum(w C) = 1*1 (C10) + 1*1 (C12) + 1*2 (C21) = 4;
   *   sum(w E) = (2/3 + 2/3) + (1 + 1/3) + (2 + 2/3) = 16/3 -> kappa = 1 - 12/16 = 1/4.
   * Quadratic: sum(w C) = 4 (all disagreements at distance 1);
   *   sum(w E) = (2/3 + 4/3) + (1 + 1/3) + (4 + 2/3) = 8 -> kappa = 1 - 4/8 = 1/2.
   */
  const y1 = [0, 1, 2, 0, 1, 2];
  const y2 = [0, 2, 1, 0, 0, 1];

  it("unweighted", () => expect(cohensKappa(y1, y2)).toBeCloseTo(0, 12));
  it("linear", () => expect(cohensKappa(y1, y2, "linear")).toBeCloseTo(1 / 4, 12));
  it("quadratic", () => expect(cohensKappa(y1, y2, "quadratic")).toBeCloseTo(1 / 2, 12));

  it("weights by rank position, not by value", () => {
    // Relabel 0 -> 1, 1 -> 5, 2 -> 10: same ranks, so the same kappas. (Weighting by the
    // values |1-5| = 4, |1-10| = 9, |5-10| = 5 would give 1 - 57/71 = 14/71 for linear.)
    const map = (v: number): number => [1, 5, 10][v];
    expect(cohensKappa(y1.map(map), y2.map(map), "linear")).toBeCloseTo(1 / 4, 12);
    expect(cohensKappa(y1.map(map), y2.map(map), "quadratic")).toBeCloseTo(1 / 2, 12);
  });

  it("is symmetric in the two raters", () => {
    expect(cohensKappa(y2, y1, "linear")).toBeCloseTo(1 / 4, 12);
  });
});

describe("cohensKappa: string labels with missing ratings", () => {
  /*
   * Labels sorted: bird (0), cat (1), dog (2). After dropping the two pairs with a null:
   * (cat,cat) (cat,dog) (dog,dog) (dog,dog) (bird,bird) (cat,cat) (dog,cat) (bird,cat)
   *   C = [[1,1,0],[0,2,1],[0,1,2]], row sums r = [2,3,3], column sums c = [1,4,3], N = 8.
   * Unweighted: p_o = 5/8, p_e = (2*1 + 3*4 + 3*3) / 64 = 23/64,
   *   kappa = (40/64 - 23/64) / (41/64) = 17/41.
   * Linear: sum(w C) = 3 (all three disagreements are neighbours);
   *   sum_ij |i-j| r_i c_j = (1*2*4 + 2*2*3) + (1*3*1 + 1*3*3) + (2*3*1 + 1*3*4) = 20 + 12 + 18 = 50,
   *   sum(w E) = 50/8 = 25/4, kappa = 1 - 3 / (25/4) = 13/25.
   * Quadratic: sum(w C) = 3; sum_ij (i-j)^2 r_i c_j = (8 + 24) + (3 + 9) + (12 + 12) = 68,
   *   sum(w E) = 68/8 = 17/2, kappa = 1 - 3 / (17/2) = 11/17.
   */
  const a = ["cat", "cat", "dog", null, "dog", "bird", "cat", "dog", "bird", "dog"];
  const b = ["cat", "dog", "dog", "cat", "dog", "bird", "cat", "cat", "cat", null];

  it("unweighted", () => expect(cohensKappa(a, b)).toBeCloseTo(17 / 41, 12));
  it("linear", () => expect(cohensKappa(a, b, "linear")).toBeCloseTo(13 / 25, 12));
  it("quadratic", () => expect(cohensKappa(a, b, "quadratic")).toBeCloseTo(11 / 17, 12));
});

describe("cohensKappa: string labels sort lexicographically", () => {
  /*
   * a = ["9","10","100"], b = ["10","9","100"]. Every label once per rater, so E = 1/3
   * everywhere and sum_ij |i-j| E_ij = (1/3) * 8 = 8/3 (linear).
   * Strings: ranks "10" = 0, "100" = 1, "9" = 2; disagreements (2,0) and (0,2) weigh 2 each:
   *   kappa = 1 - 4 / (8/3) = -1/2.
   * Numbers 9, 10, 100: ranks 0, 1, 2; disagreements (0,1), (1,0) weigh 1 each:
   *   kappa = 1 - 2 / (8/3) = 1/4.
   */
  it("orders strings by code units and numbers numerically", () => {
    expect(cohensKappa(["9", "10", "100"], ["10", "9", "100"], "linear")).toBeCloseTo(-1 / 2, 12);
    expect(cohensKappa([9, 10, 100], [10, 9, 100], "linear")).toBeCloseTo(1 / 4, 12);
  });
});

describe("cohensKappa edge cases", () => {
  it("returns null when no pair remains", () => {
    expect(cohensKappa([], [])).toBeNull();
    expect(cohensKappa([1, null], [null, 2])).toBeNull();
  });

  it("returns null without variation", () => {
    expect(cohensKappa(["a", "a"], ["a", "a"])).toBeNull();
    expect(cohensKappa(["a", "a"], ["a", "a"], "quadratic")).toBeNull();
  });

  it("gives 0 when one rater is constant but the other is not", () => {
    // C = [[1,1],[0,0]], E = [[1,1],[0,0]]: sum(w C) = 1 = sum(w E).
    expect(cohensKappa(["x", "x"], ["x", "y"])).toBeCloseTo(0, 12);
  });

  it("gives 1 for perfect agreement", () => {
    expect(cohensKappa([1, 2, 3], [1, 2, 3])).toBe(1);
  });

  it("rejects lists of different length and mixed types when weighted", () => {
    expect(() => cohensKappa([1], [1, 2])).toThrow(/equally long/);
    expect(() => cohensKappa([1, "a"], ["a", 1], "linear")).toThrow(/mix/);
    expect(cohensKappa([1, "a"], ["a", 1])).toBeCloseTo(-1, 12);
  });
});
