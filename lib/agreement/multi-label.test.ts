import { describe, expect, it } from "vitest";
import { masiAlpha, masiDistance, multiLabelAlphaPerOption } from "./multi-label";

describe("masiDistance", () => {
  it("follows Passonneau (2006): 1 - Jaccard * monotonicity", () => {
    expect(masiDistance(["a", "b"], ["b", "a"])).toBe(0); // identical
    expect(masiDistance(["a", "b"], ["a"])).toBeCloseTo(1 - (1 / 2) * (2 / 3), 12); // subset: 2/3
    expect(masiDistance(["a", "b"], ["b", "c"])).toBeCloseTo(1 - (1 / 3) * (1 / 3), 12); // overlap: 8/9
    expect(masiDistance(["a"], ["b"])).toBe(1); // disjoint
    expect(masiDistance([], [])).toBe(0); // both empty: identical
    expect(masiDistance([], ["a"])).toBe(1); // Jaccard 0
    expect(masiDistance(["a", "a", "b"], ["b", "a"])).toBe(0); // duplicates ignored
  });
});

describe("masiAlpha", () => {
  it("matches a hand computation", () => {
    /*
     * Two coders, three units: ({a},{a}), ({a,b},{a}), ({b},{c}); a fourth unit has one answer.
     * Distances: 0, 2/3 (subset, J = 1/2), 1 (disjoint).
     * Values: {a} x3, {a,b} x1, {b} x1, {c} x1, n = 6.
     * Observed: each 2-coder unit adds o_ck = o_kc = 1, so sum o delta = 2 * (0 + 2/3 + 1) = 10/3.
     * Expected: sum_{c<k} n_c n_k delta_ck =
     *   {a}-{a,b} 3*1*(2/3) + {a}-{b} 3*1*1 + {a}-{c} 3*1*1 + {a,b}-{b} 1*1*(2/3)
     *   + {a,b}-{c} 1*1*1 + {b}-{c} 1*1*1 = 2 + 3 + 3 + 2/3 + 1 + 1 = 32/3, doubled = 64/3.
     * alpha = 1 - (n - 1) * (10/3) / (64/3) = 1 - 50/64 = 7/32.
     */
    const m = [
      [["a"], ["a"]],
      [["a", "b"], ["a"]],
      [["b"], ["c"]],
      [["a"], null],
    ];
    expect(masiAlpha(m)).toBeCloseTo(7 / 32, 12);
  });

  it("is 1 for identical sets (in any order) and null without variation", () => {
    expect(
      masiAlpha([
        [
          ["a", "b"],
          ["b", "a"],
        ],
        [["c"], ["c"]],
      ]),
    ).toBe(1);
    expect(
      masiAlpha([
        [["a"], ["a"]],
        [["a"], null],
      ]),
    ).toBeNull();
    expect(
      masiAlpha([
        [[], []],
        [["x"], ["x"]],
      ]),
    ).toBe(1);
  });
});

describe("multiLabelAlphaPerOption", () => {
  it("computes nominal alpha per option as a yes/no question", () => {
    /*
     * Units (coder 1, coder 2): ({a},{a,b}), ({b},{b}), ({b},{a}), ({a,b}, unrated).
     * Option a: (1,1) (0,0) (0,1); the last unit has one rating.
     *   o_11 = 2, o_00 = 2, o_01 = o_10 = 1; n_0 = n_1 = 3, n = 6.
     *   alpha = 1 - 5 * 2 / (2 * 3 * 3) = 4/9.
     * Option b: (0,1) (1,1) (1,0): o_01 + o_10 = 4, n_1 = 4, n_0 = 2, n = 6.
     *   alpha = 1 - 5 * 4 / (2 * 4 * 2) = -1/4.
     * Option c: nobody picks it -> no variation -> null.
     */
    const m = [
      [["a"], ["a", "b"]],
      [["b"], ["b"]],
      [["b"], ["a"]],
      [["a", "b"], null],
    ];
    const r = multiLabelAlphaPerOption(m, ["a", "b", "c"]);
    expect(Object.keys(r)).toEqual(["a", "b", "c"]);
    expect(r.a).toBeCloseTo(4 / 9, 12);
    expect(r.b).toBeCloseTo(-1 / 4, 12);
    expect(r.c).toBeNull();
  });

  it("treats an empty answer as 'no' and null as unrated", () => {
    // Option a: (1,0) and (0,0); the third unit is unrated by one coder.
    // o_01 + o_10 = 2, o_00 = 2; n_0 = 3, n_1 = 1: alpha = 1 - 3 * 2 / (2 * 3) = 0.
    const r = multiLabelAlphaPerOption(
      [
        [["a"], []],
        [[], []],
        [null, ["a"]],
      ],
      ["a"],
    );
    expect(r.a).toBeCloseTo(0, 12);
  });
});
