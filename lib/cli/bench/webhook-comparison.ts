// The verdict of bench:queue --webhook-slow. Runs get faster in the order they run (caches, JIT,
// tables growing into their indexes), so one run of each variant cannot tell a 5% effect from the
// warm-up: the variants run in several rounds, in an order rotated each round, each run on a fresh
// project of the same size, and the verdict compares medians against the spread of the no-hook
// runs among themselves (the noise floor).
import { median } from "./bench-setup";

/** null: the project has no hook; otherwise how its receiver answers during the run. */
export type THook = null | "slow" | "never";

const VARIANTS: readonly THook[] = [null, "slow", "never"];

/** Round 0 runs none, slow, never; round 1 slow, never, none; round 2 never, none, slow; and so on. */
export function hookOrder(round: number): THook[] {
  return VARIANTS.map((_, k) => VARIANTS[(k + round) % VARIANTS.length]);
}

const nameOf = (hook: THook) => hook ?? "none";
const round1 = (x: number) => Number(x.toFixed(1));

/**
 * Each round's cycles/s, each variant's median and its ratio to the no-hook median, and the noise
 * floor: the no-hook runs' range as a percentage of their median. A hooked variant passes when its
 * median is within 5% of the no-hook one (medians of an odd number of rounds are runs' own figures).
 */
export function webhookComparison(runs: { hook: THook; round: number; cyclesPerSecond: number }[]) {
  const roundNumbers = [...new Set(runs.map((r) => r.round))].sort((a, b) => a - b);
  const rates = (hook: THook) => runs.filter((r) => r.hook === hook).map((r) => r.cyclesPerSecond);
  const medianOf = (hook: THook) => (rates(hook).length ? median(rates(hook)) : 0);
  const none = medianOf(null);
  const changePercent = (hook: THook) => (none > 0 ? round1((medianOf(hook) / none - 1) * 100) : null);
  const isWithin5 = (hook: THook) => {
    const change = changePercent(hook);
    return change !== null && rates(hook).length > 0 && Math.abs(change) <= 5;
  };
  const noneRates = rates(null);
  return {
    rounds: roundNumbers.map((round) => {
      const inRound = runs.filter((r) => r.round === round);
      const rateIn = (hook: THook) => inRound.find((r) => r.hook === hook)?.cyclesPerSecond ?? 0;
      // Within a round the runs are neighbours in time: a paired look, less moved by slow drift.
      const ratioIn = (hook: THook) =>
        rateIn(null) > 0 ? Number((rateIn(hook) / rateIn(null)).toFixed(3)) : null;
      return {
        round: round + 1,
        order: inRound.map((r) => nameOf(r.hook)),
        cyclesPerSecond: Object.fromEntries(inRound.map((r) => [nameOf(r.hook), r.cyclesPerSecond])),
        ratioToNone: { slow: ratioIn("slow"), never: ratioIn("never") },
      };
    }),
    medianCyclesPerSecond: { none, slow: medianOf("slow"), never: medianOf("never") },
    ratioToNone: {
      slow: none > 0 ? Number((medianOf("slow") / none).toFixed(3)) : null,
      never: none > 0 ? Number((medianOf("never") / none).toFixed(3)) : null,
    },
    changePercent: { slow: changePercent("slow"), never: changePercent("never") },
    noiseFloorPercent:
      none > 0 && noneRates.length > 1
        ? round1(((Math.max(...noneRates) - Math.min(...noneRates)) / none) * 100)
        : null,
    slowWithin5Percent: isWithin5("slow"),
    neverWithin5Percent: isWithin5("never"),
  };
}
