import { describe, expect, it } from "vitest";
import { alphaFromItemValueCounts, krippendorffAlpha, matrixToItemValueCounts } from "./krippendorff";
import type { Rating } from "./types";

/*
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
 * 4 observers (A-D) x 12 units, values 1-5, "." = missing. Rows here are units.
 *
 *   unit: 1 2 3 4 5 6 7 8 9 10 11 12
 *   A:    1 2 3 3 2 1 4 1 2 .  .  .
 *   B:    1 2 3 3 2 2 4 1 2 5  .  3
 *   C:    . 3 3 3 2 3 4 2 2 5  1  .
 *   D:    1 2 3 3 2 4 4 1 2 5  1  .
 *
 * Unit 12 has one value and is not pairable, leaving n = 40 pairable values.
 * Coincidences o_ck = sum_u n_uc (n_uk - [c=k]) / (m_u - 1):
 *   o_11 = 3 (u1) + 2 (u8) + 2 (u11) = 7,   o_12 = 1 (u8) + 1/3 (u6) = 4/3,
 *   o_13 = o_14 = 1/3 (u6);  o_22 = 2 (u2) + 4 (u5) + 4 (u9) = 10,
 *   o_23 = 1 (u2) + 1/3 (u6) = 4/3,  o_24 = o_34 = 1/3 (u6),
 *   o_33 = 4 + 4 = 8,  o_44 = 4,  o_55 = 3.
 * Marginals n_c = 9, 13, 10, 5, 3 (n = 40).
 *
 * Nominal: sum_{c!=k} o_ck = 40 - 32 = 8; sum_{c!=k} n_c n_k = 1600 - 384 = 1216;
 *   alpha = 1 - 39 * 8 / 1216 = 113/152 = 0.7434...   (published 0.743)
 * Interval: sum o_ck (c-k)^2 = 2 * (4/3*1 + 1/3*4 + 1/3*9 + 4/3*1 + 1/3*4 + 1/3*1) = 52/3;
 *   mean value 2.5, sum n_c (c - 2.5)^2 = 56, so sum n_c n_k (c-k)^2 = 2 * 40 * 56 = 4480;
 *   alpha = 1 - 39 * (52/3) / 4480 = 951/1120 = 0.8491...   (published 0.849)
 * Ordinal: delta_ck = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, e.g. delta_12 = 11^2,
 *   delta_13 = 22.5^2, delta_14 = 30^2, delta_23 = 11.5^2, delta_24 = 19^2, delta_34 = 7.5^2;
 *   observed sum = 2 * (4/3*121 + 1/3*506.25 + 1/3*900 + 4/3*132.25 + 1/3*361 + 1/3*56.25) = 1891;
 *   expected sum over the 10 pairs, doubled = 399480;
 *   alpha = 1 - 39 * 1891 / 399480 = 0.8153...   (published 0.815)
 * Ratio: alpha = 0.7974...   (published 0.797)
 */
const KRIPPENDORFF_2011: Rating[][] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
];

describe("krippendorffAlpha on Krippendorff (2011)", () => {
  it("matches the published values to 3 decimals", () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "interval")).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "ratio")).toBeCloseTo(0.797, 3);
  });

  it("matches the exact hand-derived fractions", () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "nominal")).toBeCloseTo(113 / 152, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "interval")).toBeCloseTo(951 / 1120, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_2011, "ordinal")).toBeCloseTo(1 - (39 * 1891) / 399480, 12);
  });

  it("treats string ordinal values in lexicographic order", () => {
    const letters = KRIPPENDORFF_2011.map((row) =>
      row.map((v) => (v === null ? null : "abcde"[(v as number) - 1])),
    );
    expect(krippendorffAlpha(letters, "ordinal")).toBeCloseTo(1 - (39 * 1891) / 399480, 12);
    expect(krippendorffAlpha(letters, "nominal")).toBeCloseTo(113 / 152, 12);
  });
});

describe("krippendorffAlpha, two coders, binary data (Krippendorff 2011, section A)", () => {
  /*
   * A: 0 1 0 0 0 0 0 0 1 0
   * B: 1 1 1 0 0 1 0 0 0 0
   * Units: five (0,0), one (1,1), four mismatched (0,1)/(1,0).
   * With m_u = 2 every unit adds 1 to o_ck and o_kc:
   *   o_00 = 2*5 = 10, o_11 = 2*1 = 2, o_01 = o_10 = 4;  n_0 = 14, n_1 = 6, n = 20.
   * alpha = 1 - (n - 1) * (o_01 + o_10) / (2 * n_0 * n_1) = 1 - 19 * 8 / 168 = 2/21 = 0.0952
   */
  const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
  const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
  const m: Rating[][] = A.map((a, i) => [a, B[i]]);

  it("gives 0.095", () => {
    expect(krippendorffAlpha(m, "nominal")).toBeCloseTo(0.095, 3);
    expect(krippendorffAlpha(m, "nominal")).toBeCloseTo(2 / 21, 12);
  });

  it("equals nominal for binary data at every level except ratio", () => {
    // With two values all squared differences are equal, so interval and ordinal reduce to nominal.
    expect(krippendorffAlpha(m, "interval")).toBeCloseTo(2 / 21, 12);
    expect(krippendorffAlpha(m, "ordinal")).toBeCloseTo(2 / 21, 12);
    // Ratio: ((0-1)/(0+1))^2 = 1 as well.
    expect(krippendorffAlpha(m, "ratio")).toBeCloseTo(2 / 21, 12);
  });
});

describe("krippendorffAlpha edge cases", () => {
  it("returns null without pairable items", () => {
    expect(krippendorffAlpha([], "nominal")).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2], [3]], "nominal")).toBeNull();
  });

  it("returns null without variation", () => {
    expect(krippendorffAlpha([[1, 1], [1, 1, 1], [2]], "nominal")).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        "interval",
      ),
    ).toBeNull();
  });

  it("ignores items with a single rating", () => {
    const base: Rating[][] = [
      [1, 1],
      [2, 2],
      [1, 2],
    ];
    expect(krippendorffAlpha([...base, [3, null], [null, 5]], "interval")).toBe(
      krippendorffAlpha(base, "interval"),
    );
  });

  it("gives 1 for perfect agreement and reaches below 0 for systematic disagreement", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
        ],
        "nominal",
      ),
    ).toBe(1);
    // o_12 = o_21 = 2, n_1 = n_2 = 2, n = 4: alpha = 1 - 3 * 4 / 8 = -0.5
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
        ],
        "nominal",
      ),
    ).toBeCloseTo(-0.5, 12);
  });

  it("rejects invalid values for the level", () => {
    expect(() => krippendorffAlpha([["a", "b"]], "interval")).toThrow(/numeric/);
    expect(() => krippendorffAlpha([[-1, 2]], "ratio")).toThrow(/non-negative/);
    expect(() => krippendorffAlpha([[1, "b"]], "ordinal")).toThrow(/mix/);
    expect(() => krippendorffAlpha([[Number.NaN, 1]], "nominal")).toThrow(/finite/);
    expect(
      krippendorffAlpha(
        [
          [1, "1"],
          [1, 1],
        ],
        "nominal",
      ),
    ).not.toBeNull();
  });
});

describe("alphaFromItemValueCounts", () => {
  it("agrees with the matrix API on the worked example", () => {
    // Triples: unit, value index into [5, 4, 3, 2, 1] (deliberately unsorted), count.
    const values = [5, 4, 3, 2, 1];
    const rows: [number, number, number][] = [];
    KRIPPENDORFF_2011.forEach((row, unit) => {
      const counts = new Map<number, number>();
      for (const v of row) if (v !== null) counts.set(v as number, (counts.get(v as number) ?? 0) + 1);
      for (const [v, c] of counts) rows.push([unit * 10 + 7, values.indexOf(v), c]);
    });
    const itemIds = Int32Array.from(rows.map((r) => r[0]));
    const valueIdx = Int32Array.from(rows.map((r) => r[1]));
    const counts = Int32Array.from(rows.map((r) => r[2]));
    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) {
      expect(alphaFromItemValueCounts(itemIds, valueIdx, counts, values, level)).toBeCloseTo(
        krippendorffAlpha(KRIPPENDORFF_2011, level) as number,
        12,
      );
    }
  });

  it("merges duplicate triples and duplicate values, and skips zero counts", () => {
    // Item 0: 1,1,2 given as (1,x1)+(1,x1)+(2,x1); value 1 listed twice in `values`.
    const a = alphaFromItemValueCounts(
      Uint32Array.from([0, 0, 0, 1, 1, 1]),
      Int32Array.from([0, 2, 1, 1, 0, 3]),
      Int32Array.from([1, 1, 1, 2, 0, 0]),
      [1, 2, 1, 9],
      "nominal",
    );
    expect(a).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, 1, 2],
          [2, 2],
        ],
        "nominal",
      ) as number,
      12,
    );
  });

  it("validates its input", () => {
    const one = Int32Array.from([0]);
    expect(() => alphaFromItemValueCounts(Int32Array.from([1, 0]), one, one, [1], "nominal")).toThrow(
      /length/,
    );
    expect(() =>
      alphaFromItemValueCounts(
        Int32Array.from([1, 0]),
        Int32Array.from([0, 0]),
        Int32Array.from([1, 1]),
        [1],
        "nominal",
      ),
    ).toThrow(/sorted/);
    expect(() => alphaFromItemValueCounts(one, Int32Array.from([3]), one, [1], "nominal")).toThrow(/range/);
    expect(() => alphaFromItemValueCounts(one, one, Int32Array.from([-1]), [1], "nominal")).toThrow(
      /non-negative/,
    );
  });

  it("matrixToItemValueCounts emits one triple per rating, sorted by item", () => {
    const t = matrixToItemValueCounts([["x", null, "y"], [], [null, "x"]]);
    expect([...t.itemIds]).toEqual([0, 0, 2]);
    expect(t.values).toEqual(["x", "y"]);
    expect([...t.valueIdx]).toEqual([0, 1, 0]);
    expect([...t.counts]).toEqual([1, 1, 1]);
  });
});
