import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kendallW, midranks } from "./kendall-w";

/** Rows = raters, columns = objects. */
const transpose = (columns: number[][]) => columns[0].map((_, i) => columns.map((c) => c[i]));

describe("kendallW", () => {
  it("matches the example of Siegel & Castellan (1988), three raters ranking eight attributes", () => {
    // The data as DescTools' KendallW documentation reproduces it ("example from Siegel and
    // Castellan (1988)"): rows are the raters (ids 4, 21, 11), columns airfare, climate, season,
    // people, program, publicity, present, interest. By hand: rank sums 10, 18, 14, 6, 7, 16, 13,
    // 24 around their mean 13.5 give S = 248; W = 12 * 248 / (3² (8³ − 8)) = 2976 / 4536.
    const ranks = [
      [5, 6, 7, 1, 2, 4, 3, 8],
      [1, 7, 6, 2, 3, 5, 4, 8],
      [4, 5, 1, 3, 2, 7, 6, 8],
    ];
    expect(kendallW(ranks)).toBeCloseTo(2976 / 4536, 12);
    // Friedman's chi-square is m (n − 1) W: 13.78 for these data.
    expect(3 * 7 * kendallW(ranks)!).toBeCloseTo(13.7778, 4);
  });

  it("matches the published tie-corrected W of the anxiety data (irr's kendall(anxiety, TRUE): Wt = 0.54, chi² = 30.8)", () => {
    // Gamer et al.'s R package irr (and its Python port pyirr, whose test asserts Wt 0.54 and
    // chi² 30.8 to these digits): 3 raters scoring 20 subjects on 1..6, many ties.
    const anxiety = transpose([
      [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
      [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
      [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
    ]);
    const raters = transpose(anxiety);
    const w = kendallW(raters)!;
    expect(w.toFixed(2)).toBe("0.54");
    expect((3 * 19 * w).toFixed(1)).toBe("30.8");
  });

  it("gives hand-derived values with ties", () => {
    // Two annotators, three responses: [1, 2, 2] and [1, 1, 2] (dense ranks).
    // Midranks: [1, 2.5, 2.5] and [1.5, 1.5, 3]; R = [2.5, 4, 5.5], mean 4, S = 2.25 + 0 + 2.25 = 4.5.
    // T = (2³ − 2) + (2³ − 2) = 12; W = 12 * 4.5 / (4 * 24 − 2 * 12) = 54 / 72 = 0.75.
    expect(
      kendallW([
        [1, 2, 2],
        [1, 1, 2],
      ]),
    ).toBeCloseTo(0.75, 12);
    // Opposite orders of two: W = 0.
    expect(
      kendallW([
        [1, 2],
        [2, 1],
      ]),
    ).toBe(0);
  });

  it("is undefined when every annotator tied everything, or with one annotator or one object", () => {
    expect(
      kendallW([
        [1, 1, 1],
        [1, 1, 1],
      ]),
    ).toBeNull();
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[1], [1]])).toBeNull();
  });

  it("midranks: tied objects get the mean of the positions they span", () => {
    expect(Array.from(midranks([1, 2, 2, 3]).ranks)).toEqual([1, 2.5, 2.5, 4]);
    expect(midranks([1, 2, 2, 3]).tieSum).toBe(6);
  });

  const rankings = fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc.array(fc.array(fc.integer({ min: 1, max: n }), { minLength: n, maxLength: n }), {
      minLength: 2,
      maxLength: 6,
    }),
  );

  it("property: relabelling the objects consistently for every annotator changes nothing", () => {
    fc.assert(
      fc.property(rankings, fc.integer({ min: 0, max: 10_000 }), (rows, seed) => {
        const n = rows[0].length;
        const perm = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101),
        );
        const permuted = rows.map((row) => perm.map((j) => row[j]));
        const a = kendallW(rows);
        const b = kendallW(permuted);
        if (a === null) return b === null;
        return b !== null && Math.abs(a - b) < 1e-12;
      }),
    );
  });

  it("property: perfect agreement gives 1, and W lies in [0, 1]", () => {
    fc.assert(
      fc.property(rankings, (rows) => {
        const same = rows.map(() => rows[0]);
        const w = kendallW(same);
        const all = kendallW(rows);
        return (
          (w === null || Math.abs(w - 1) < 1e-12) && (all === null || (all >= -1e-12 && all <= 1 + 1e-12))
        );
      }),
    );
  });
});
