import { describe, expect, it } from "vitest";
import { binomialTwoSided, positionBias } from "./position-bias";

describe("positionBias", () => {
  it("counts the side shown on the left, against a hand count", () => {
    // ann-1: A unflipped ×3 (left), B unflipped ×1 (right), B flipped ×4 (left: B was shown left),
    //        A flipped ×2 (right), ties ×5 (left out). Left = 3 + 4 = 7 of 10 sides chosen; 6 flipped.
    // ann-2: only ties.
    const rows = [
      { user: "ann-1", value: "A", isFlipped: false, count: 3 },
      { user: "ann-1", value: "B", isFlipped: false, count: 1 },
      { user: "ann-2", value: "tie", isFlipped: true, count: 2 },
      { user: "ann-1", value: "B", isFlipped: true, count: 4 },
      { user: "ann-1", value: "A", isFlipped: true, count: 2 },
      { user: "ann-1", value: "tie", isFlipped: false, count: 5 },
    ] as const;
    const report = positionBias(rows);
    expect(report).toEqual([
      { user: "ann-1", left: 7, answered: 10, flipped: 6, leftShare: 0.7, pValue: expect.any(Number) },
      { user: "ann-2", left: 0, answered: 0, flipped: 0, leftShare: null, pValue: null },
    ]);
    // P(X <= 3) for Bin(10, 1/2) = (1 + 10 + 45 + 120) / 1024; two-sided doubles it.
    expect(report[0].pValue).toBeCloseTo((2 * 176) / 1024, 12);
  });
});

describe("binomialTwoSided", () => {
  it("matches exact values", () => {
    expect(binomialTwoSided(2, 10)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(binomialTwoSided(8, 10)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(binomialTwoSided(5, 10)).toBe(1);
    expect(binomialTwoSided(0, 1)).toBe(1);
    expect(binomialTwoSided(0, 20)).toBeCloseTo(2 / 2 ** 20, 15);
  });

  it("stays finite for large counts", () => {
    const p = binomialTwoSided(5_300, 10_000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-8);
    expect(binomialTwoSided(50_000, 100_000)).toBeCloseTo(1, 6);
  });
});
