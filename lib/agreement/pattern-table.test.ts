import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapAlpha } from "./bootstrap";
import { krippendorffAlpha } from "./krippendorff";
import { alphaOnPatterns, meanOnPatterns, percentAgreementOnPatterns } from "./pattern-alpha";
import {
  PatternTableBuilder,
  deriveTable,
  itemAndRatingCounts,
  labelPairCounts,
  mapWeights,
  pairableItems,
  patternEntries,
  sortPatterns,
  valueDistribution,
  type TPatternTable,
} from "./pattern-table";
import { percentAgreement } from "./percent-agreement";
import type { AlphaLevel, Rating } from "./types";

/** The pattern table of a reliability matrix, as the server builds it from SQL counts. */
function tableOf(m: Rating[][]): { table: TPatternTable; weights: Float64Array; values: number[] } {
  const values = [...new Set(m.flat().filter((v): v is number => v !== null))].sort((a, b) => b - a);
  const builder = new PatternTableBuilder(values);
  const patterns = m.map((row) =>
    builder.add(row.filter((v): v is number => v !== null).map((v) => [values.indexOf(v), 1] as const)),
  );
  const table = builder.build();
  const weights = new Float64Array(table.patternCount);
  for (const g of patterns) weights[g]++;
  return { table, weights, values };
}

const matrixArb = fc.integer({ min: 2, max: 5 }).chain((raters) =>
  fc.array(
    fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 3 }), {
      minLength: raters,
      maxLength: raters,
    }),
    { minLength: 1, maxLength: 40 },
  ),
);

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe("pattern tables", () => {
  it("merge items with the same multiset of values, whatever the order", () => {
    const builder = new PatternTableBuilder(["a", "b"]);
    expect(
      builder.add([
        [0, 1],
        [1, 2],
      ]),
    ).toBe(0);
    expect(
      builder.add([
        [1, 1],
        [0, 1],
        [1, 1],
      ]),
    ).toBe(0);
    expect(builder.add([[1, 3]])).toBe(1);
    expect(builder.add([[0, 0]])).toBe(2);
    const table = builder.build();
    expect(table.patternCount).toBe(3);
    expect(Array.from(table.size)).toEqual([3, 3, 0]);
  });

  it("refuse value indices out of range and fractional counts", () => {
    const builder = new PatternTableBuilder(["a"]);
    expect(() => builder.add([[1, 1]])).toThrow();
    expect(() => builder.add([[0, 0.5]])).toThrow();
  });

  it.each(["nominal", "ordinal", "interval", "ratio"] as AlphaLevel[])(
    "give Krippendorff's %s alpha and the same bootstrap interval as the module on the matrix",
    (level) => {
      fc.assert(
        fc.property(matrixArb, (m) => {
          const { table, weights } = tableOf(m);
          const onPatterns = alphaOnPatterns(table, weights, level, { draws: 50 });
          expect(close(onPatterns.value, krippendorffAlpha(m, level))).toBe(true);
          const reference = bootstrapAlpha(m, level, { draws: 50, seed: 42 });
          // Equal up to rounding (interval alpha centres its sums on a differently weighted mean).
          if (reference.ci === null) expect(onPatterns.ci).toBeNull();
          else reference.ci.forEach((bound, i) => expect(close(onPatterns.ci![i], bound)).toBe(true));
          expect(onPatterns.items).toBe(m.filter((row) => row.filter((v) => v !== null).length >= 2).length);
        }),
        { numRuns: 60 },
      );
    },
  );

  it("give the module's percent agreement", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const { table, weights } = tableOf(m);
        expect(close(percentAgreementOnPatterns(table, weights).value, percentAgreement(m))).toBe(true);
      }),
    );
  });

  it("count label pairs between annotators like a naive enumeration", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const { table, weights, values } = tableOf(m);
        const naive = values.map(() => values.map(() => 0));
        for (const row of m) {
          const present = row.filter((v): v is number => v !== null);
          for (let i = 0; i < present.length; i++)
            for (let j = i + 1; j < present.length; j++) {
              const [a, b] = [values.indexOf(present[i]), values.indexOf(present[j])];
              naive[a][b]++;
              if (a !== b) naive[b][a]++;
            }
        }
        expect(labelPairCounts(table, weights)).toEqual(naive);
      }),
    );
  });

  it("count items, ratings and values", () => {
    const m: Rating[][] = [
      [1, 1, null],
      [2, null, null],
      [null, null, null],
      [1, 2, 2],
    ];
    const { table, weights, values } = tableOf(m);
    expect(pairableItems(table, weights)).toBe(2);
    expect(itemAndRatingCounts(table, weights)).toEqual({ items: 3, ratings: 6 });
    const distribution = valueDistribution(table, weights);
    expect(distribution[values.indexOf(1)]).toBe(3);
    expect(distribution[values.indexOf(2)]).toBe(3);
  });

  it("give one-vs-rest alpha through a derived table, merging patterns that become equal", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 4 }), (m, option) => {
        const { table, weights, values } = tableOf(m);
        const derived = deriveTable(table, [0, 1], (v) => (values[v] === option ? 1 : 0));
        const w = mapWeights(weights, derived.patternMap, derived.table.patternCount);
        const recoded = m.map((row) => row.map((v) => (v === null ? null : v === option ? 1 : 0)));
        expect(
          close(alphaOnPatterns(derived.table, w, "nominal").value, krippendorffAlpha(recoded, "nominal")),
        ).toBe(true);
      }),
    );
  });
});

describe("sortPatterns", () => {
  it("makes the table and its intervals independent of the order patterns were met in", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer(), (m, seed) => {
        const shuffled = [...m].sort(
          (a, b) => ((a.join() + seed).length % 3) - ((b.join() + seed).length % 3),
        );
        const reversed = [...shuffled].reverse();
        const results = [m, reversed].map((rows) => {
          const { table, weights } = tableOf(rows);
          const sorted = sortPatterns(table);
          const w = mapWeights(weights, sorted.patternMap, sorted.table.patternCount);
          const values = Array.from({ length: sorted.table.patternCount }, (_, g) =>
            patternEntries(sorted.table, g).map(([v, c]) => [sorted.table.values[v], c]),
          );
          return {
            values,
            w: Array.from(w),
            alpha: alphaOnPatterns(sorted.table, w, "nominal", { draws: 40 }),
          };
        });
        expect(results[1]).toEqual(results[0]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("meanOnPatterns", () => {
  it("is the weighted mean, with an interval around it that narrows with more items", () => {
    const scores = Float64Array.from([0, 1, NaN]);
    const small = meanOnPatterns(scores, Float64Array.from([10, 30, 5]));
    expect(small.value).toBe(0.75);
    expect(small.items).toBe(40);
    const [lo, hi] = small.ci!;
    expect(lo).toBeLessThan(0.75);
    expect(hi).toBeGreaterThan(0.75);
    const large = meanOnPatterns(scores, Float64Array.from([1000, 3000, 5]));
    expect(large.ci![1] - large.ci![0]).toBeLessThan((hi - lo) / 5);
  });

  it("matches the binomial interval of a proportion", () => {
    // 600 of 1000 items agree: the 95% interval is about 0.6 +- 1.96 sqrt(0.24 / 1000) = +- 0.030.
    const r = meanOnPatterns(Float64Array.from([1, 0]), Float64Array.from([600, 400]), { draws: 4000 });
    expect(r.ci![0]).toBeCloseTo(0.57, 2);
    expect(r.ci![1]).toBeCloseTo(0.63, 2);
  });

  it("is undefined without items", () => {
    expect(meanOnPatterns(Float64Array.from([NaN]), Float64Array.from([3]))).toEqual({
      value: null,
      ci: null,
      items: 0,
    });
  });
});
