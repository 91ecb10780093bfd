import { describe, expect, it } from "vitest";
import { prepareAlpha } from "./alpha-core";
import { createWorkspace, evaluateAlpha } from "./alpha-evaluate";
import { krippendorffAlpha, matrixToItemValueCounts } from "./krippendorff";
import type { AlphaLevel, Rating } from "./types";

const LEVELS: AlphaLevel[] = ["nominal", "ordinal", "interval", "ratio"];

function prepare(m: Rating[][], level: AlphaLevel) {
  const t = matrixToItemValueCounts(m);
  return prepareAlpha(t.itemIds, t.valueIdx, t.counts, t.values, level);
}

describe("prepareAlpha", () => {
  it("groups identical items into patterns and skips unpairable ones", () => {
    const p = prepare(
      [
        [1, 1, 2],
        [2, 1, 1],
        [1, 2, 2],
        [3, null],
        [1, 1, 2, null],
      ],
      "nominal",
    );
    expect(p.unitCount).toBe(4);
    expect(p.patternCount).toBe(2); // {1,1,2} x3 and {1,2,2} x1
    expect([...p.frequency]).toEqual([3, 1]);
    expect(p.values).toEqual([1, 2, 3]);
  });
});

describe("evaluateAlpha with weights", () => {
  it("weights act as item multiplicities", () => {
    const m: Rating[][] = [
      [1, 1, 2],
      [2, 2],
      [3, 1, null],
      [2, 3, 3],
    ];
    for (const level of LEVELS) {
      const p = prepare(m, level);
      const doubled = p.frequency.map((f) => 2 * f);
      expect(evaluateAlpha(p, doubled, createWorkspace(p))).toBeCloseTo(
        krippendorffAlpha([...m, ...m], level) as number,
        12,
      );
    }
  });

  it("is null when the weighted items hold a single value, despite rounding", () => {
    // Items [v, v] and [0.5, 0.5]; weighting only the first leaves no variation. For these
    // values the centred sums give n*S2 - S1^2 a rounding residue (e.g. 4e-16), which must not
    // turn into alpha = 1.
    for (const v of [0.1, 0.3, 1.1, 2.9, 0.001]) {
      for (const w of [3, 7, 10, 1000]) {
        for (const level of LEVELS) {
          const p = prepare(
            [
              [v, v],
              [0.5, 0.5],
            ],
            level,
          );
          const weights = new Float64Array(p.patternCount);
          weights[0] = w;
          expect(evaluateAlpha(p, weights, createWorkspace(p))).toBeNull();
          expect(evaluateAlpha(p, Float64Array.from([w, w]), createWorkspace(p))).toBe(1);
        }
      }
    }
  });

  it("interval: the O(patterns) summary agrees with the marginal-based computation", () => {
    const m: Rating[][] = [
      [1.5, 2, 2],
      [0, 4],
      [3, 3, null],
      [2, 2.5, 7],
      [4, 4],
    ];
    const p = prepare(m, "interval");
    const viaMarginals = { ...p, interval: null };
    const weights = Float64Array.from([3, 0, 2, 5, 1]);
    expect(p.patternCount).toBe(5);
    expect(evaluateAlpha(viaMarginals, weights, createWorkspace(p))).toBeCloseTo(
      evaluateAlpha(p, weights, createWorkspace(p)) as number,
      12,
    );
  });
});
