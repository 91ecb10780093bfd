import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohen";
import { fleissKappa } from "./fleiss";
import { krippendorffAlpha } from "./krippendorff";
import { percentAgreement } from "./percent-agreement";
import type { Rating } from "./types";

const WEIGHTS = [undefined, "linear", "quadratic"] as const;

/** Complete matrix: 1-12 items, 2-5 raters, categories 0..4. */
const completeArb = fc.integer({ min: 2, max: 5 }).chain((raters) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: raters, maxLength: raters }), {
    minLength: 1,
    maxLength: 12,
  }),
);

/** Matrix with missing values. */
const sparseArb = fc.integer({ min: 2, max: 5 }).chain((raters) =>
  fc.array(
    fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 3 }), {
      minLength: raters,
      maxLength: raters,
    }),
    { minLength: 1, maxLength: 12 },
  ),
);

/** Two raters' lists with missing values. */
const pairArb = fc.array(
  fc.tuple(
    fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 }),
    fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 }),
  ),
  { minLength: 1, maxLength: 20 },
);

const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9;

describe("fleissKappa properties", () => {
  it("relates to nominal alpha on complete data: alpha = 1 - (1 - kappa) (n - 1) / n", () => {
    fc.assert(
      fc.property(completeArb, (m) => {
        const kappa = fleissKappa(m);
        const alpha = krippendorffAlpha(m, "nominal");
        if (kappa === null) return alpha === null;
        const n = m.length * m[0].length;
        return close(alpha, 1 - ((1 - kappa) * (n - 1)) / n);
      }),
    );
  });

  it("is at most 1, 1 for perfect agreement with variation, and invariant to relabelling and permutations", () => {
    fc.assert(
      fc.property(completeArb, (m) => {
        const k = fleissKappa(m);
        const relabelled = [...m].reverse().map((row) => [...row].reverse().map((v) => `c${(v * 2) % 5}`));
        const perfect = m.map((row) => row.map(() => row[0]));
        const perfectKappa = fleissKappa(perfect);
        const varied = new Set(m.map((row) => row[0])).size > 1;
        return (
          (k ?? 0) <= 1 + 1e-12 &&
          close(k, fleissKappa(relabelled)) &&
          (varied ? perfectKappa === 1 : perfectKappa === null)
        );
      }),
    );
  });
});

describe("percentAgreement properties", () => {
  it("lies in [0, 1], is 1 for perfect agreement and ignores labels and permutations", () => {
    fc.assert(
      fc.property(sparseArb, (m) => {
        const p = percentAgreement(m);
        const relabelled = [...m]
          .reverse()
          .map((row) => [...row].reverse().map((v) => (v === null ? null : `x${v}`)));
        const perfect = m.map((row) => row.map((v) => (v === null ? null : 0)));
        const pairable = m.some((row) => row.filter((v) => v !== null).length >= 2);
        return (
          (p === null ? !pairable : p >= 0 && p <= 1) &&
          close(p, percentAgreement(relabelled)) &&
          percentAgreement(perfect) === (pairable ? 1 : null)
        );
      }),
    );
  });
});

describe("cohensKappa properties", () => {
  it("is at most 1 and symmetric in the raters for all weightings", () => {
    fc.assert(
      fc.property(pairArb, (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        return WEIGHTS.every((w) => {
          const k = cohensKappa(a, b, w);
          return (k ?? 0) <= 1 + 1e-12 && close(k, cohensKappa(b, a, w));
        });
      }),
    );
  });

  it("is 1 for perfect agreement with variation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 20 }), (a) => {
        const varied = new Set(a).size > 1;
        return WEIGHTS.every((w) => cohensKappa(a, [...a], w) === (varied ? 1 : null));
      }),
    );
  });

  it("ignores the order of the pairs, nominal relabelling (unweighted) and increasing relabelling (weighted)", () => {
    fc.assert(
      fc.property(pairArb, (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const ra = [...a].reverse();
        const rb = [...b].reverse();
        const rename = (v: Rating): Rating => (v === null ? null : `n${((v as number) * 3) % 5}`);
        const increase = (v: Rating): Rating => (v === null ? null : 10 * (v as number) ** 3 - 4);
        return (
          WEIGHTS.every((w) => close(cohensKappa(a, b, w), cohensKappa(ra, rb, w))) &&
          close(cohensKappa(a, b), cohensKappa(a.map(rename), b.map(rename))) &&
          close(cohensKappa(a, b, "linear"), cohensKappa(a.map(increase), b.map(increase), "linear")) &&
          close(cohensKappa(a, b, "quadratic"), cohensKappa(a.map(increase), b.map(increase), "quadratic"))
        );
      }),
    );
  });

  it("drops pairs with a null", () => {
    fc.assert(
      fc.property(pairArb, (pairs) => {
        const kept = pairs.filter(([x, y]) => x !== null && y !== null);
        expect(
          cohensKappa(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          ),
        ).toBe(
          cohensKappa(
            kept.map((p) => p[0]),
            kept.map((p) => p[1]),
          ),
        );
      }),
    );
  });
});
