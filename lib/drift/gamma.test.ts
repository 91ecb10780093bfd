import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareSurvival, logGamma, regularizedGammaP, regularizedGammaQ } from "./gamma";

// Reference values from SciPy 1.17 (scipy.special.gammaln / gammainc / gammaincc, scipy.stats.chi2.sf).
describe("logGamma", () => {
  it.each([
    [0.5, 0.5723649429247],
    [1, 0],
    [1.5, -0.12078223763524526],
    [2.5, 0.2846828704729192],
    [10, 12.801827480081469],
    [100.5, 361.43554046777757],
    [1e-5, 11.512919692895826],
    [171.3, 708.1149470389971],
  ])("log Γ(%d) matches SciPy", (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it("agrees with factorials on integers", () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(Math.exp(logGamma(n + 1)) / (factorial *= n)).toBeCloseTo(1, 12);
    }
  });

  it("refuses non-positive arguments", () => {
    expect(() => logGamma(0)).toThrow();
    expect(() => logGamma(-1)).toThrow();
  });
});

describe("regularized incomplete gamma", () => {
  it.each([
    [0.5, 0.5, 0.6826894921370859, 0.31731050786291115],
    [1, 1, 0.6321205588285577, 0.36787944117144245],
    [2.5, 1.5, 0.3000141641213724, 0.6999858358786276],
    [10, 3, 0.0011024881301154815, 0.9988975118698845],
    [10, 20, 0.9950045876916924, 0.0049954123083075785],
    [100, 90, 0.15822098918643007, 0.84177901081357],
    [0.1, 5, 0.9998560610341533, 0.00014393896584673387],
  ])("P(%d, %d) and Q match SciPy", (a, x, p, q) => {
    expect(regularizedGammaP(a, x)).toBeCloseTo(p, 12);
    expect(regularizedGammaQ(a, x) / q).toBeCloseTo(1, 10);
  });

  it("P(1, x) is the exponential distribution function", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), (x) => {
        expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      }),
    );
  });

  it("P + Q = 1, both within [0, 1], P increasing in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (a, x, step) => {
          const p = regularizedGammaP(a, x);
          const q = regularizedGammaQ(a, x);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(p + q).toBeCloseTo(1, 10);
          expect(regularizedGammaP(a, x + step)).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });

  it("refuses a shape that is not positive", () => {
    expect(() => regularizedGammaP(0, 1)).toThrow();
    expect(() => regularizedGammaQ(1, -1)).toThrow();
  });
});

describe("chiSquareSurvival", () => {
  it.each([
    [3.841458820694124, 1, 0.05],
    [6.634896601021214, 1, 0.01],
    [11.344866730144373, 3, 0.01],
    [10, 4, 0.04042768199451279],
    [0.5, 2, 0.7788007830714049],
    [100, 50, 3.454931382984871e-5],
    [1e-3, 1, 0.9747728793699604],
    [250, 200, 0.009379131668826098],
    [30, 10, 0.000856641210775301],
    [45, 3, 9.252702104537306e-10],
    [1e4, 9000, 3.031801838549065e-13],
  ])("P(χ² >= %d | df %d) matches scipy.stats.chi2.sf", (statistic, df, expected) => {
    expect(chiSquareSurvival(statistic, df) / expected).toBeCloseTo(1, 9);
  });

  it("is 1 at zero and 0 at infinity", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
  });

  it("refuses degrees of freedom that are not positive integers", () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow();
    expect(() => chiSquareSurvival(1, 1.5)).toThrow();
  });
});
