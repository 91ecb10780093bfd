import { describe, expect, it } from "vitest";
import { sampleBinomial, sampleMultinomial } from "./binomial";
import { createPrng } from "./prng";

/** Exact Binomial(n, p) probabilities via the log-space recurrence. */
function binomialPmf(n: number, p: number): number[] {
  const logs = [n * Math.log1p(-p)];
  for (let k = 0; k < n; k++) logs.push(logs[k] + Math.log((n - k) / (k + 1)) + Math.log(p / (1 - p)));
  return logs.map(Math.exp);
}

/** Pearson chi-square of samples against the pmf, pooling cells with expectation < 5. */
function chiSquare(n: number, p: number, draws: number, seed: number): { chi: number; df: number } {
  const rng = createPrng(seed);
  const counts = new Array<number>(n + 1).fill(0);
  let valid = true;
  for (let i = 0; i < draws; i++) {
    const k = sampleBinomial(rng, n, p);
    if (!(Number.isInteger(k) && k >= 0 && k <= n)) valid = false;
    else counts[k]++;
  }
  expect(valid).toBe(true);
  const pmf = binomialPmf(n, p);
  let chi = 0;
  let cells = 0;
  let poolObs = 0;
  let poolExp = 0;
  for (let k = 0; k <= n; k++) {
    poolObs += counts[k];
    poolExp += pmf[k] * draws;
    if (poolExp >= 5) {
      chi += (poolObs - poolExp) ** 2 / poolExp;
      cells++;
      poolObs = 0;
      poolExp = 0;
    }
  }
  if (poolExp > 0) chi += (poolObs - poolExp) ** 2 / Math.max(poolExp, 1e-9);
  return { chi, df: cells - 1 };
}

describe("sampleBinomial", () => {
  // Inversion (n p < 10), BTRS (n p >= 10), and the p > 1/2 reflection of both.
  it.each([
    [20, 0.05],
    [40, 0.2],
    [30, 0.5],
    [200, 0.3],
    [1000, 0.7],
    [5000, 0.02],
    [100000, 0.5],
  ])("matches the Binomial(%i, %f) distribution", (n, p) => {
    const { chi, df } = chiSquare(n, p, 100_000, n + Math.round(p * 1000));
    // Far beyond the 0.999 quantile only if the sampler is wrong (df + 5 sqrt(2 df)).
    expect(chi).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });

  it("handles the degenerate cases", () => {
    const rng = createPrng(1);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
  });

  it("has the right mean and variance for a huge n", () => {
    const rng = createPrng(3);
    const n = 333_334;
    const p = 0.123;
    const draws = 20_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(rng, n, p);
      s += k;
      s2 += k * k;
    }
    const mean = s / draws;
    const variance = s2 / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
    expect(variance / (sd * sd)).toBeGreaterThan(0.95);
    expect(variance / (sd * sd)).toBeLessThan(1.05);
  });
});

describe("sampleMultinomial", () => {
  it("splits n over the cells in proportion to the weights", () => {
    const rng = createPrng(5);
    const weights = Float64Array.from([10, 0, 30, 60]);
    const out = new Float64Array(4);
    const totals = new Float64Array(4);
    const draws = 5000;
    for (let i = 0; i < draws; i++) {
      sampleMultinomial(rng, 1000, weights, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(out[1]).toBe(0);
      for (let g = 0; g < 4; g++) totals[g] += out[g];
    }
    expect(totals[0] / (draws * 1000)).toBeCloseTo(0.1, 3);
    expect(totals[2] / (draws * 1000)).toBeCloseTo(0.3, 3);
    expect(totals[3] / (draws * 1000)).toBeCloseTo(0.6, 3);
  });
});
