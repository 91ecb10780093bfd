import { describe, expect, it } from "vitest";
import { detectDrift, type TDriftInput } from "./detect-drift";

const agreement = (value: number | null, ci: [number, number] | null, itemsCompared = 100) => ({
  window: "w",
  label: "w",
  value,
  ci,
  itemsCompared,
});

const window = (id: string, distribution: number[], a = agreement(0.8, [0.75, 0.85])): TDriftInput => ({
  window: id,
  label: id,
  distribution,
  agreement: a,
});

describe("detectDrift", () => {
  it("flags a clear shift in the label distribution and names the window it is compared with", () => {
    const [first, second, third] = detectDrift([
      window("b1", [60, 30, 10]),
      window("b2", [58, 32, 10]),
      window("b3", [20, 30, 50]),
    ]);
    expect(first.shift).toBeNull();
    expect(second.isShifted).toBe(false);
    expect(second.shift!.pValue).toBeGreaterThan(0.5);
    expect(third.isShifted).toBe(true);
    expect(third.shift).toMatchObject({ comparedTo: "b2", df: 2 });
    expect(third.shift!.pValue).toBeLessThan(1e-6);
  });

  it("does not flag a significant but negligible shift in very large windows", () => {
    // 50.0% vs 50.8% of 200,000 labels: p < 0.01, but Cramér's V = 0.008.
    const [, second] = detectDrift([window("w1", [100_000, 100_000]), window("w2", [101_600, 98_400])]);
    expect(second.shift!.pValue).toBeLessThan(0.01);
    expect(second.isShifted).toBe(false);
  });

  it("skips windows with fewer than 30 labels, comparing with the last window that had enough", () => {
    const [, small, third] = detectDrift([window("a", [40, 40]), window("b", [0, 20]), window("c", [5, 75])]);
    expect(small.shift).toBeNull();
    expect(small.isShifted).toBe(false);
    expect(third.shift!.comparedTo).toBe("a");
    expect(third.isShifted).toBe(true);
  });

  it("flags agreement below the previous window's interval, and only then", () => {
    const results = detectDrift([
      window("a", [50, 50], agreement(0.8, [0.75, 0.85])),
      window("b", [50, 50], agreement(0.76, [0.7, 0.82])),
      window("c", [50, 50], agreement(0.6, [0.5, 0.7])),
      window("d", [50, 50], agreement(0.2, [0.0, 0.4], 10)),
      window("e", [50, 50], agreement(0.4, [0.3, 0.5])),
    ]);
    expect(results.map((r) => r.isAgreementDrop)).toEqual([false, false, true, false, true]);
  });

  it("counts labels and tolerates kinds without categories", () => {
    const [r] = detectDrift([window("a", [])]);
    expect(r.labels).toBe(0);
    expect(r.shift).toBeNull();
  });
});
