import { describe, expect, it } from "vitest";
import { percentAgreement } from "./percent-agreement";

describe("percentAgreement", () => {
  it("averages the share of agreeing pairs over items with two or more ratings", () => {
    /*
     * ["a","a","b"]: 3 pairs, 1 agrees     -> 1/3
     * ["a","a",null]: 1 pair, agrees       -> 1
     * ["b",null,null]: one rating          -> skipped
     * [null,null,null]: no ratings         -> skipped
     * ["a","b","c"]: 3 pairs, none agrees  -> 0
     * ["x","x","x"]: 3 pairs, all agree    -> 1
     * mean = (1/3 + 1 + 0 + 1) / 4 = 7/12
     */
    const m = [
      ["a", "a", "b"],
      ["a", "a", null],
      ["b", null, null],
      [null, null, null],
      ["a", "b", "c"],
      ["x", "x", "x"],
    ];
    expect(percentAgreement(m)).toBeCloseTo(7 / 12, 12);
  });

  it("distinguishes numbers from strings with the same text", () => {
    expect(percentAgreement([[1, "1"]])).toBe(0);
    expect(percentAgreement([[1, 1]])).toBe(1);
  });

  it("returns null without an item with two ratings", () => {
    expect(percentAgreement([])).toBeNull();
    expect(
      percentAgreement([
        [1, null],
        [null, 2],
      ]),
    ).toBeNull();
  });
});
