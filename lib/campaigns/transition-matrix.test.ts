import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flippedCount, transitionMatrix } from "./transition-matrix";

describe("transitionMatrix", () => {
  it("counts items per (old, new) pair and keeps links to them", () => {
    const cells = transitionMatrix([
      { itemId: "1", from: '"pos"', to: '"neg"' },
      { itemId: "2", from: '"pos"', to: '"neg"' },
      { itemId: "3", from: '"pos"', to: '"pos"' },
      { itemId: "4", from: '"neg"', to: '"neutral"' },
    ]);
    expect(cells).toEqual([
      { from: '"pos"', to: '"neg"', count: 2, itemIds: ["1", "2"] },
      { from: '"neg"', to: '"neutral"', count: 1, itemIds: ["4"] },
      { from: '"pos"', to: '"pos"', count: 1, itemIds: ["3"] },
    ]);
    expect(flippedCount(cells)).toBe(3);
  });

  it("accounts for every item once, and flips are the items whose value changed", () => {
    const value = fc.constantFrom('"a"', '"b"', '"c"', "null");
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value)), (pairs) => {
        const cells = transitionMatrix(pairs.map(([from, to], i) => ({ itemId: String(i), from, to })));
        expect(cells.reduce((n, c) => n + c.count, 0)).toBe(pairs.length);
        expect(flippedCount(cells)).toBe(pairs.filter(([a, b]) => a !== b).length);
      }),
    );
  });
});
