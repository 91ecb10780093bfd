import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss";
import type { Rating } from "./types";

/** Expands a subjects x categories count table into a subjects x raters matrix. */
function fromCounts(table: number[][], labels: Rating[]): Rating[][] {
  return table.map((row) => row.flatMap((count, j) => Array.from({ length: count }, () => labels[j])));
}

/*
 * Fleiss (1971) style worked example as given on Wikipedia ("Fleiss' kappa"):
 * 10 subjects, 14 raters each, 5 categories; entries are n_ij.
 *
 * Column totals 20, 28, 39, 21, 32 (N n = 140), so
 *   Pe = (20^2 + 28^2 + 39^2 + 21^2 + 32^2) / 140^2 = 4170 / 19600 = 0.2128.
 * Row sums of n_ij^2 are 196, 60, 70, 94, 74, 98, 58, 46, 66, 66; P_i = (sum - 14) / 182,
 * so sum_i P_i = (182 + 46 + 56 + 80 + 60 + 84 + 44 + 32 + 52 + 52) / 182 = 688 / 182 and
 *   P = 688 / 1820 = 0.3780.
 * kappa = (P - Pe) / (1 - Pe) = (9632 - 5421) / (25480 - 5421) = 4211 / 20059 = 0.2099 (published 0.210).
 */
const WIKIPEDIA_TABLE = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("fleissKappa", () => {
  it("reproduces the Wikipedia / Fleiss (1971) worked example", () => {
    const m = fromCounts(WIKIPEDIA_TABLE, [1, 2, 3, 4, 5]);
    expect(m.every((row) => row.length === 14)).toBe(true);
    expect(fleissKappa(m)).toBeCloseTo(0.21, 3);
    expect(fleissKappa(m)).toBeCloseTo(4211 / 20059, 12);
  });

  it("does not depend on the category labels or on which rater gave which rating", () => {
    const m = fromCounts(WIKIPEDIA_TABLE, ["e", "d", "c", "b", "a"]).map((row) => [...row].reverse());
    expect(fleissKappa(m)).toBeCloseTo(4211 / 20059, 12);
  });

  it("ignores nulls and rows with fewer than two ratings", () => {
    const m = fromCounts(WIKIPEDIA_TABLE, [1, 2, 3, 4, 5]).map((row) => [null, ...row, null]);
    m.push([null, 3, null], [], [null, null]);
    expect(fleissKappa(m)).toBeCloseTo(4211 / 20059, 12);
  });

  it("throws when the counted rows have different numbers of ratings", () => {
    expect(() => fleissKappa([["a", "a", "b"], ["a", "b", null], ["b"]])).toThrow(/same number of ratings/);
  });

  it("returns null when undefined", () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([["a"], [null, "b"]])).toBeNull();
    expect(
      fleissKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
  });

  it("handles a small two-rater case by hand", () => {
    /*
     * Items (a,a), (b,b), (a,b): P_i = 1, 1, 0 -> P = 2/3.
     * p_a = 3/6, p_b = 3/6 -> Pe = 1/2. kappa = (2/3 - 1/2) / (1/2) = 1/3.
     */
    expect(
      fleissKappa([
        ["a", "a"],
        ["b", "b"],
        ["a", "b"],
      ]),
    ).toBeCloseTo(1 / 3, 12);
  });
});
