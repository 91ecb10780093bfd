import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapAlpha, bootstrapAlphaFromItemValueCounts } from "./bootstrap";
import { krippendorffAlpha, matrixToItemValueCounts } from "./krippendorff";
import { createPrng } from "./prng";
import type { Rating } from "./types";

/** Items with a true category; each of 3 raters copies it with probability 0.7, else guesses; ~10% missing. */
function simulate(items: number, seed: number): Rating[][] {
  const rng = createPrng(seed);
  const pick = (k: number) => Math.floor(rng.next() * k);
  return Array.from({ length: items }, () => {
    const truth = pick(4);
    return [0, 1, 2].map(() => (rng.next() < 0.1 ? null : rng.next() < 0.7 ? truth : pick(4)));
  });
}

describe("bootstrapAlpha", () => {
  const data = simulate(300, 11);

  it("returns the point estimate and an interval around it", () => {
    const r = bootstrapAlpha(data, "nominal");
    expect(r.value).toBe(krippendorffAlpha(data, "nominal"));
    expect(r.ci).not.toBeNull();
    const [lo, hi] = r.ci as [number, number];
    expect(lo).toBeLessThan(r.value as number);
    expect(hi).toBeGreaterThan(r.value as number);
    expect(hi - lo).toBeLessThan(0.3);
    expect(r.definedDraws).toBe(1000);
  });

  it("is deterministic for a fixed seed and changes with the seed", () => {
    const a = bootstrapAlpha(data, "ordinal", { seed: 7, draws: 200 });
    const b = bootstrapAlpha(data, "ordinal", { seed: 7, draws: 200 });
    const c = bootstrapAlpha(data, "ordinal", { seed: 8, draws: 200 });
    expect(a).toEqual(b);
    expect(a.ci).not.toEqual(c.ci);
    expect(a.value).toBe(c.value);
  });

  it("narrows the interval when alpha (the error level) grows", () => {
    const wide = bootstrapAlpha(data, "interval", { alpha: 0.01 }).ci as [number, number];
    const narrow = bootstrapAlpha(data, "interval", { alpha: 0.5 }).ci as [number, number];
    expect(wide[0]).toBeLessThan(narrow[0]);
    expect(wide[1]).toBeGreaterThan(narrow[1]);
  });

  it("gives the same result through the aggregated-counts API", () => {
    const t = matrixToItemValueCounts(data);
    for (const level of ["nominal", "ratio"] as const) {
      expect(
        bootstrapAlphaFromItemValueCounts(t.itemIds, t.valueIdx, t.counts, t.values, level, { draws: 300 }),
      ).toEqual(bootstrapAlpha(data, level, { draws: 300 }));
    }
  });

  it.each(["nominal", "interval"] as const)("agrees with a naive row-resampling bootstrap (%s)", (level) => {
    // Naive reference: resample whole rows and recompute alpha from scratch.
    const small = simulate(150, 5).filter((row) => row.filter((v) => v !== null).length >= 2);
    const rng = createPrng(99);
    const reps: number[] = [];
    for (let d = 0; d < 2000; d++) {
      const sample = small.map(() => small[Math.floor(rng.next() * small.length)]);
      const a = krippendorffAlpha(sample, level);
      if (a !== null) reps.push(a);
    }
    reps.sort((x, y) => x - y);
    const naiveLo = reps[Math.round(0.025 * (reps.length - 1))];
    const naiveHi = reps[Math.round(0.975 * (reps.length - 1))];
    for (const resampling of ["patterns", "units"] as const) {
      const [lo, hi] = bootstrapAlpha(small, level, { draws: 2000, resampling }).ci as [number, number];
      expect(Math.abs(lo - naiveLo)).toBeLessThan(0.02);
      expect(Math.abs(hi - naiveHi)).toBeLessThan(0.02);
    }
  });

  it("leaves undefined replicates out", () => {
    // A replicate of three (1,1) items or three (2,2) items has no variation: probability 2/27,
    // so about 37 of 500 replicates are undefined.
    const r = bootstrapAlpha(
      [
        [1, 1],
        [2, 2],
        [1, 2],
      ],
      "nominal",
      { draws: 500 },
    );
    expect(r.definedDraws).toBeLessThan(500);
    expect(r.definedDraws).toBeGreaterThan(400);
    expect(r.ci).not.toBeNull();
  });

  it("returns a null interval when alpha is undefined", () => {
    expect(
      bootstrapAlpha(
        [
          [1, 1],
          [1, null],
        ],
        "nominal",
      ),
    ).toEqual({ value: null, ci: null, definedDraws: 0 });
    expect(bootstrapAlpha([], "interval")).toEqual({ value: null, ci: null, definedDraws: 0 });
  });

  it("validates its options", () => {
    expect(() => bootstrapAlpha(data, "nominal", { draws: 0 })).toThrow(/draws/);
    expect(() => bootstrapAlpha(data, "nominal", { alpha: 1 })).toThrow(/alpha/);
    expect(() => bootstrapAlpha(data, "nominal", { seed: 0.5 })).toThrow(/seed/);
  });
});

describe("bootstrapAlpha properties", () => {
  it("returns an ordered interval and the same point estimate as krippendorffAlpha", () => {
    const matrix = fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 3 }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(matrix, fc.constantFrom("nominal", "ordinal", "interval", "ratio"), (m, level) => {
        const r = bootstrapAlpha(m, level, { draws: 50 });
        return r.value === krippendorffAlpha(m, level) && (r.ci === null || r.ci[0] <= r.ci[1]);
      }),
      { numRuns: 50 },
    );
  });
});
