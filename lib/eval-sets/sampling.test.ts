import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareItemIds } from "@/lib/export/export-row";
import {
  allocate,
  kthSmallest,
  lowestOf,
  sampleIndexes,
  samplePriority,
  sampleItems,
  type TSampleCandidate,
} from "./sampling";

const pool = (n: number, strata = ["pos", "neg", "neu"]): TSampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ itemId: String(i + 1), stratum: strata[i % strata.length] }));

describe("sampleItems", () => {
  it("gives the same items for the same seed, whatever the order of the pool", () => {
    const items = pool(500);
    const a = sampleItems(items, { size: 50, seed: 7 });
    const b = sampleItems([...items].reverse(), { size: 50, seed: 7 });
    expect(a).toEqual(b);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(sampleItems(items, { size: 50, seed: 8 })).not.toEqual(a);
    expect(sampleItems(items, { size: 50, seed: "7" })).toEqual(a);
  });

  it("returns item ids in ascending numeric order", () => {
    const picked = sampleItems(pool(300), { size: 40, seed: "x" });
    expect(picked.map(Number)).toEqual([...picked.map(Number)].sort((x, y) => x - y));
  });

  it("takes the whole pool when the sample is larger", () => {
    expect(sampleItems(pool(5), { size: 10, seed: 1 })).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("keeps most of a sample when the pool grows (only newcomers that outrank it enter)", () => {
    const before = new Set(sampleItems(pool(1000), { size: 100, seed: 3 }));
    const after = sampleItems(pool(1100), { size: 100, seed: 3 });
    const kept = after.filter((id) => before.has(id)).length;
    expect(kept).toBeGreaterThanOrEqual(80);
    for (const id of after) if (!before.has(id)) expect(Number(id)).toBeGreaterThan(1000);
  });

  it("keeps each stratum's share when stratified", () => {
    const items: TSampleCandidate[] = [
      ...Array.from({ length: 600 }, (_, i) => ({ itemId: String(i + 1), stratum: '"pos"' })),
      ...Array.from({ length: 300 }, (_, i) => ({ itemId: String(i + 601), stratum: '"neg"' })),
      ...Array.from({ length: 100 }, (_, i) => ({ itemId: String(i + 901), stratum: '"neu"' })),
    ];
    const picked = sampleItems(items, { size: 50, seed: 1, isStratified: true });
    const count = (lo: number, hi: number) => picked.filter((id) => +id >= lo && +id <= hi).length;
    expect(picked).toHaveLength(50);
    expect([count(1, 600), count(601, 900), count(901, 1000)]).toEqual([30, 15, 5]);
  });
});

describe("sampleIndexes (the cached candidates' sampling)", () => {
  it("picks what sampleItems picks from the same candidates, stratified or not", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 120 }),
        fc.array(fc.constantFrom("pos", "neg", "", '["a"]'), { minLength: 120, maxLength: 120 }),
        fc.integer({ min: 0, max: 130 }),
        fc.oneof(fc.integer(), fc.string()),
        fc.boolean(),
        (numbers, labels, size, seed, isStratified) => {
          const ids = Float64Array.from(numbers).sort();
          const candidates = Array.from(ids, (id, i) => ({ itemId: String(id), stratum: labels[i] }));
          const keys = [...new Set(labels)];
          const strata = isStratified
            ? { of: Uint32Array.from(ids, (_, i) => keys.indexOf(labels[i])), keys }
            : null;
          const priorities = Float64Array.from(ids, (id) => samplePriority(seed, String(id)));
          const picked = Array.from(sampleIndexes(ids, priorities, size, strata), (i) => String(ids[i]));
          expect(picked).toEqual(sampleItems(candidates, { size, seed, isStratified }));
        },
      ),
    );
  });

  it("picks the same with the threshold of an earlier sample as its guess, whatever changed since", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 200, size: "max" }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 200, maxLength: 200 }),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        // Sizes as a share of the candidates (from none to a few more than all).
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 0, max: 110 }),
        fc.boolean(),
        (numbers, levels, seenBefore, percentBefore, percent, isTied) => {
          const ids = Float64Array.from(numbers).sort();
          const size = Math.floor((ids.length * percent) / 100);
          // Tied levels (many equal priorities) or spread ones.
          const priorityOf = (id: number, i: number) => (isTied ? levels[i] : samplePriority(7, String(id)));
          const priorities = Float64Array.from(ids, priorityOf);
          // The earlier sample: of another size, over the candidates then (some since gone, some new).
          const earlier = Array.from(ids.keys()).filter((i) => seenBefore[i]);
          const memo: { threshold?: number } = {};
          sampleIndexes(
            Float64Array.from(earlier, (i) => ids[i]),
            Float64Array.from(earlier, (i) => priorities[i]),
            Math.floor((earlier.length * percentBefore) / 100),
            null,
            memo,
          );
          const guessed = sampleIndexes(ids, priorities, size, null, memo);
          expect(Array.from(guessed)).toEqual(Array.from(sampleIndexes(ids, priorities, size, null)));
        },
      ),
    );
  });

  it("breaks ties at the threshold by item id, as lowestOf does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (numbers, levels, count) => {
          const ids = Float64Array.from(numbers).sort();
          const priorities = Float64Array.from(ids, (_, i) => levels[i]);
          const picked = Array.from(sampleIndexes(ids, priorities, count, null), (i) => String(ids[i]));
          const strings = Array.from(ids, String);
          expect(picked).toEqual(lowestOf(strings, priorities, count).sort(compareItemIds));
        },
      ),
    );
  });
});

describe("kthSmallest", () => {
  it("gives what sorting gives, with many ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 80 }),
        fc.nat(),
        (numbers, at) => {
          const k = at % numbers.length;
          const sorted = Float64Array.from(numbers).sort();
          expect(kthSmallest(Float64Array.from(numbers), k)).toBe(sorted[k]);
        },
      ),
    );
  });
});

describe("lowestOf", () => {
  it("takes what sorting every id by (priority, id) and keeping the head takes, ties included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (levels, count) => {
          // Few distinct priorities, so many ties; ids out of order, of different lengths.
          const ids = levels.map((_, i) => String((i * 37) % 101) + (i % 3 === 0 ? "0" : ""));
          const unique = [...new Set(ids)];
          const priorities = Float64Array.from(unique.map((_, i) => levels[i]));
          const reference = unique
            .map((id, i) => ({ id, p: priorities[i] }))
            .sort((a, b) => a.p - b.p || compareItemIds(a.id, b.id))
            .slice(0, count)
            .map((x) => x.id)
            .sort(compareItemIds);
          expect(lowestOf(unique, priorities, count).sort(compareItemIds)).toEqual(reference);
        },
      ),
    );
  });
});

describe("allocate", () => {
  it("rounds by the largest remainder and sums exactly", () => {
    expect(
      Object.fromEntries(
        allocate(
          new Map([
            ["a", 1],
            ["b", 1],
            ["c", 1],
          ]),
          2,
        ),
      ),
    ).toEqual({ a: 1, b: 1, c: 0 });
    expect(
      Object.fromEntries(
        allocate(
          new Map([
            ["a", 5],
            ["b", 3],
            ["c", 2],
          ]),
          7,
        ),
      ),
    ).toEqual({ a: 4, b: 2, c: 1 });
  });

  it("always sums to min(size, total), each stratum within its size and within 1 of its quota", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3000 }),
        (sizes, size) => {
          const strata = new Map(sizes.map((n, i) => [`s${i}`, n]));
          const total = sizes.reduce((a, b) => a + b, 0);
          const out = allocate(strata, size);
          expect([...out.values()].reduce((a, b) => a + b, 0)).toBe(Math.min(size, total));
          for (const [key, n] of strata) {
            const got = out.get(key)!;
            expect(got).toBeLessThanOrEqual(n);
            if (size < total) expect(Math.abs(got - (size * n) / total)).toBeLessThan(1);
          }
        },
      ),
    );
  });
});

describe("sample priorities", () => {
  it("are spread evenly enough that a sample is not biased to low or high ids", () => {
    const picked = sampleItems(pool(10_000), { size: 1000, seed: 42 }).map(Number);
    const lowHalf = picked.filter((id) => id <= 5000).length;
    expect(lowHalf).toBeGreaterThan(430);
    expect(lowHalf).toBeLessThan(570);
    expect(samplePriority(1, "5")).toBe(samplePriority(1, "5"));
    expect(samplePriority(1, "5")).toBeLessThan(2 ** 53);
  });
});
