import { describe, expect, it } from "vitest";
import { hookOrder, webhookComparison, type THook } from "./webhook-comparison";

describe("hookOrder", () => {
  it("rotates the three variants so each runs first, second and third once in three rounds", () => {
    expect([0, 1, 2, 3].map(hookOrder)).toEqual([
      [null, "slow", "never"],
      ["slow", "never", null],
      ["never", null, "slow"],
      [null, "slow", "never"],
    ]);
  });
});

describe("webhookComparison", () => {
  // Three rounds where every run is faster than the one before it (warm-up), by 10 cycles/s.
  const runs: { hook: THook; round: number; cyclesPerSecond: number }[] = [];
  let rate = 200;
  for (const round of [0, 1, 2])
    for (const hook of hookOrder(round)) {
      runs.push({ hook, round, cyclesPerSecond: rate });
      rate += 10;
    }

  it("reports each round in its order, the medians, the ratios and the noise floor, worked by hand", () => {
    const c = webhookComparison(runs);
    expect(c.rounds).toEqual([
      {
        round: 1,
        order: ["none", "slow", "never"],
        cyclesPerSecond: { none: 200, slow: 210, never: 220 },
        ratioToNone: { slow: 1.05, never: 1.1 },
      },
      {
        round: 2,
        order: ["slow", "never", "none"],
        cyclesPerSecond: { slow: 230, never: 240, none: 250 },
        ratioToNone: { slow: 0.92, never: 0.96 },
      },
      {
        round: 3,
        order: ["never", "none", "slow"],
        cyclesPerSecond: { never: 260, none: 270, slow: 280 },
        // 280 / 270, 260 / 270
        ratioToNone: { slow: 1.037, never: 0.963 },
      },
    ]);
    // none: 200, 250, 270 -> 250; slow: 210, 230, 280 -> 230; never: 220, 240, 260 -> 240
    expect(c.medianCyclesPerSecond).toEqual({ none: 250, slow: 230, never: 240 });
    expect(c.ratioToNone).toEqual({ slow: 0.92, never: 0.96 });
    expect(c.changePercent).toEqual({ slow: -8, never: -4 });
    // (270 - 200) / 250
    expect(c.noiseFloorPercent).toBe(28);
    expect(c.slowWithin5Percent).toBe(false);
    expect(c.neverWithin5Percent).toBe(true);
  });

  it("does not let the order of the runs decide: with one round the last variant would look 10% faster", () => {
    const firstRoundOnly = webhookComparison(runs.filter((r) => r.round === 0));
    expect(firstRoundOnly.changePercent).toEqual({ slow: 5, never: 10 });
    expect(firstRoundOnly.noiseFloorPercent).toBeNull();
    expect(webhookComparison(runs).changePercent.never).toBe(-4);
  });

  it("fails a variant that has no runs, and answers without dividing by zero when nothing ran", () => {
    const c = webhookComparison(runs.filter((r) => r.hook !== "never"));
    expect(c.neverWithin5Percent).toBe(false);
    expect(webhookComparison([])).toMatchObject({
      ratioToNone: { slow: null, never: null },
      noiseFloorPercent: null,
      slowWithin5Percent: false,
    });
  });
});
