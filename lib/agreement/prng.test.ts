import { describe, expect, it } from "vitest";
import { createPrng } from "./prng";

describe("createPrng", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    const sb = Array.from({ length: 8 }, () => b.nextUint32());
    const sc = Array.from({ length: 8 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    const big = createPrng(2 ** 40 + 42);
    expect(Array.from({ length: 8 }, () => big.nextUint32())).not.toEqual(sa);
  });

  it("produces uniform doubles in the documented ranges", () => {
    const rng = createPrng(7);
    const N = 200_000;
    let sum = 0;
    const bins = new Array<number>(10).fill(0);
    let inRange = true;
    for (let i = 0; i < N; i++) {
      const u = rng.next();
      const o = rng.nextOpen();
      if (!(u >= 0 && u < 1 && o > 0 && o < 1)) inRange = false;
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(inRange).toBe(true);
    expect(sum / N).toBeCloseTo(0.5, 2);
    // Chi-square with 9 degrees of freedom; 27.9 is the 0.999 quantile.
    const chi = bins.reduce((s, b) => s + (b - N / 10) ** 2 / (N / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createPrng(1.5)).toThrow(/seed/);
  });
});
