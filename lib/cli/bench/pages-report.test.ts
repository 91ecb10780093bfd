import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coldAndWarm, pagesChecks, summarizeReads, type TReadSpec } from "./pages-report";

const spec = (name: string, limitMs?: number): TReadSpec => ({
  name,
  kind: "page",
  as: "lead",
  method: "GET",
  path: `/${name}`,
  limitMs,
});

describe("coldAndWarm", () => {
  it("keeps the first visit apart and takes p50, p95 and max of the others", () => {
    // Warm, sorted: 10 20 30; nearest rank below: p50 the 2nd (index floor(0.5 * 3)), p95 the 3rd.
    expect(coldAndWarm([900, 30, 10, 20])).toEqual({
      coldMs: 900,
      warmMs: { n: 3, p50: 20, p95: 30, max: 30 },
    });
  });

  it("reads 20 warm visits' p95 as the 20th, not the cold one", () => {
    const warm = Array.from({ length: 20 }, (_, k) => 100 + k);
    expect(coldAndWarm([5000, ...warm]).warmMs).toEqual({ n: 20, p50: 110, p95: 119, max: 119 });
  });

  it("has no figures without visits", () => {
    expect(coldAndWarm([])).toEqual({ coldMs: null, warmMs: { n: 0, p50: 0, p95: 0, max: 0 } });
    expect(coldAndWarm([7]).warmMs.n).toBe(0);
  });

  it("orders p50 <= p95 <= max, all among the warm visits", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2 }), (ms) => {
        const { coldMs, warmMs } = coldAndWarm(ms);
        expect(coldMs).toBe(ms[0]);
        expect(warmMs.p50).toBeLessThanOrEqual(warmMs.p95);
        expect(warmMs.p95).toBeLessThanOrEqual(warmMs.max);
        expect(warmMs.max).toBe(Math.max(...ms.slice(1)));
        expect(ms.slice(1)).toContain(warmMs.p50);
      }),
    );
  });
});

describe("summarizeReads", () => {
  it("gives each read's warm p95 as a ratio of the floor's", () => {
    const summary = summarizeReads(
      [spec("floor"), spec("agreement", 300)],
      {
        floor: { ms: [80, 5, 10, 5], errors: 0, firstError: null },
        agreement: { ms: [1500, 40, 20, 30], errors: 1, firstError: "500: boom" },
      },
      "floor",
    );
    expect(summary.floorP95).toBe(10);
    const agreement = summary.reads[1];
    expect(agreement).toMatchObject({
      name: "agreement",
      limitMs: 300,
      errors: 1,
      firstError: "500: boom",
      coldMs: 1500,
      warmMs: { n: 3, p95: 40 },
      p95VsFloor: { unit: "ms", own: 40, baseline: 10, ratio: 4 },
    });
  });
});

describe("pagesChecks", () => {
  const queue = { aloneCyclesPerSecond: 100, withReadersCyclesPerSecond: 80, minQueueRatio: 0.8 };
  const checksOf = (ms: Record<string, number[]>, q = queue) =>
    pagesChecks(
      summarizeReads(
        Object.keys(ms).map((name) => spec(name, name === "unjudged" ? undefined : 500)),
        Object.fromEntries(
          Object.entries(ms).map(([name, m]) => [name, { ms: m, errors: 0, firstError: null }]),
        ),
        "unjudged",
      ),
      q,
    );

  it("judges the warm p95 against the read's limit, a slow first visit aside", () => {
    const checks = checksOf({ fast: [2000, 100, 200], slow: [100, 499, 500], unjudged: [1, 9000, 9000] });
    expect(checks["fast: warm p95 < 500 ms"]).toBe(true);
    expect(checks["slow: warm p95 < 500 ms"]).toBe(false);
    expect(Object.keys(checks).filter((k) => k.startsWith("unjudged:"))).toEqual(["unjudged: no errors"]);
  });

  it("fails a judged read that was never measured warm", () => {
    expect(checksOf({ once: [10], unjudged: [1, 1] })["once: warm p95 < 500 ms"]).toBe(false);
  });

  it("holds the queue with the readers to 0.8 of its throughput alone", () => {
    expect(checksOf({ unjudged: [1, 1] })["queue with readers >= 0.8x alone"]).toBe(true);
    const slower = { ...queue, withReadersCyclesPerSecond: 79 };
    expect(checksOf({ unjudged: [1, 1] }, slower)["queue with readers >= 0.8x alone"]).toBe(false);
    const stopped = { ...queue, aloneCyclesPerSecond: 0 };
    expect(checksOf({ unjudged: [1, 1] }, stopped)["queue with readers >= 0.8x alone"]).toBe(false);
  });

  it("fails a read that answered other than expected", () => {
    const summary = summarizeReads(
      [spec("page", 500)],
      { page: { ms: [1, 2], errors: 2, firstError: "307" } },
      "page",
    );
    expect(pagesChecks(summary, queue)["page: no errors"]).toBe(false);
  });
});
