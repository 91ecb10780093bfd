import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareHomogeneity } from "./chi-square";

// Reference values from scipy.stats.chi2_contingency(table, correction=False), SciPy 1.17.
describe("chiSquareHomogeneity", () => {
  it("matches SciPy on a shifted distribution", () => {
    const r = chiSquareHomogeneity([
      [30, 20, 10, 5],
      [10, 25, 25, 5],
    ])!;
    expect(r.statistic).toBeCloseTo(16.984126984126984, 10);
    expect(r.df).toBe(3);
    expect(r.pValue).toBeCloseTo(0.0007120746837246336, 12);
    expect(r.cramersV).toBeCloseTo(Math.sqrt(16.984126984126984 / 130), 12);
  });

  it("matches SciPy on a stable distribution", () => {
    const r = chiSquareHomogeneity([
      [400, 300, 200, 100],
      [380, 310, 220, 90],
    ])!;
    expect(r.statistic).toBeCloseTo(2.1554516809046573, 10);
    expect(r.pValue).toBeCloseTo(0.5407762156462612, 10);
  });

  it("drops categories nobody used, as SciPy needs them dropped", () => {
    const r = chiSquareHomogeneity([
      [12, 0, 8],
      [5, 0, 20],
    ])!;
    expect(r.df).toBe(1);
    expect(r.statistic).toBeCloseTo(7.563025210084034, 10);
    expect(r.pValue).toBeCloseTo(0.005957789989829081, 12);
  });

  it("has nothing to say with one category or one non-empty sample", () => {
    expect(chiSquareHomogeneity([[5], [7]])).toBeNull();
    expect(
      chiSquareHomogeneity([
        [5, 3],
        [0, 0],
      ]),
    ).toBeNull();
    expect(chiSquareHomogeneity([])).toBeNull();
  });

  it("gives statistic 0 and p = 1 for proportional rows, and ignores row order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 2, max: 5 }),
        (row, factor) => {
          const r = chiSquareHomogeneity([row, row.map((c) => c * factor)])!;
          expect(r.statistic).toBeCloseTo(0, 9);
          expect(r.pValue).toBeCloseTo(1, 9);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 2,
          maxLength: 6,
        }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const forward = chiSquareHomogeneity([a, b]);
          const backward = chiSquareHomogeneity([b, a]);
          if (forward === null) {
            // Not `return expect(...)`: fast-check reads a returned falsy value as a failed property.
            expect(backward).toBeNull();
            return;
          }
          expect(backward!.statistic).toBeCloseTo(forward.statistic, 9);
          expect(forward.pValue).toBeGreaterThanOrEqual(0);
          expect(forward.pValue).toBeLessThanOrEqual(1);
          expect(forward.cramersV).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it("refuses negative counts", () => {
    expect(() =>
      chiSquareHomogeneity([
        [1, -1],
        [2, 3],
      ]),
    ).toThrow();
  });
});
