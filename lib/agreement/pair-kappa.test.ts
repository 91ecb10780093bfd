import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohen";
import { agreementFromConfusion, kappaFromConfusion } from "./pair-kappa";

const values = [3, 1, 5, 2, 4];

function confusionOf(a: number[], b: number[]): number[][] {
  const counts = values.map(() => values.map(() => 0));
  a.forEach((x, i) => counts[values.indexOf(x)][values.indexOf(b[i])]++);
  return counts;
}

const pairsArb = fc
  .array(fc.tuple(fc.constantFrom(...values), fc.constantFrom(...values)), { minLength: 1, maxLength: 60 })
  .map((pairs) => [pairs.map((p) => p[0]), pairs.map((p) => p[1])] as const);

describe("kappaFromConfusion", () => {
  it.each([undefined, "linear", "quadratic"] as const)("equals cohensKappa on the label lists (%s)", (w) => {
    fc.assert(
      fc.property(pairsArb, ([a, b]) => {
        const expected = cohensKappa(a, b, w);
        const actual = kappaFromConfusion(confusionOf(a, b), values, w);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      }),
    );
  });

  it("matches a worked example", () => {
    // a = [neg, pos, neg, neu, pos], b = [neg, pos, neg, neu, neg]: p_o = 4/5, p_e = (2*3 + 1*1 + 2*1) / 25,
    // kappa = (0.8 - 0.36) / 0.64 = 0.6875.
    const labels = ["negative", "neutral", "positive"];
    const counts = [
      [2, 0, 0],
      [0, 1, 0],
      [1, 0, 1],
    ];
    expect(kappaFromConfusion(counts, labels)).toBeCloseTo(0.6875, 12);
    expect(agreementFromConfusion(counts)).toBe(0.8);
  });

  it("is undefined for an empty table or a single label", () => {
    expect(kappaFromConfusion([[0]], ["a"])).toBeNull();
    expect(kappaFromConfusion([[4]], ["a"])).toBeNull();
    expect(agreementFromConfusion([[0]])).toBeNull();
  });
});
