import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kendallW } from "./kendall-w";
import { krippendorffAlpha } from "./krippendorff";
import { disputedResponses, rankingAgreement, type TRankingPattern } from "./ranking-agreement";
import { rubricAgreement } from "./rubric-agreement";
import type { Rating } from "./types";

/** One row per (item, response position), one column per annotation of the item: the textbook layout. */
function unitsMatrix(items: number[][][]): Rating[][] {
  return items.flatMap((rankings) =>
    Array.from({ length: rankings[0].length }, (_, j) => rankings.map((r) => r[j] ?? null)),
  );
}

const asPatterns = (items: number[][][]): TRankingPattern[] =>
  items.map((rankings) => ({ rankings, items: 1 }));

describe("rankingAgreement", () => {
  it("gives hand-derived values: two annotators with opposite orders of two responses", () => {
    // Units (item, position) {1, 2} and {2, 1}: n₁ = n₂ = 2, δ(1, 2) = (4 − 2)² = 4; D_o = 16 / 4 = 4,
    // D_e = 2·2·2·4 / (4·3) = 8/3, alpha = 1 − 4 / (8/3) = −0.5. W = 0.
    const result = rankingAgreement(
      asPatterns([
        [
          [1, 2],
          [2, 1],
        ],
      ]),
    );
    expect(result.alpha.value).toBeCloseTo(-0.5, 12);
    expect(result.kendallW.value).toBe(0);
    expect(result.kendallW.items).toBe(1);
  });

  it("equals ordinal alpha on the (item, position) x annotation matrix and the mean of W per item", () => {
    const items = [
      [
        [1, 2, 3, 4],
        [1, 3, 2, 4],
        [2, 1, 3, 4],
      ],
      [
        [1, 2, 2, 3],
        [1, 1, 2, 3],
      ],
      [
        [4, 3, 2, 1],
        [3, 4, 1, 2],
        [4, 3, 1, 2],
      ],
      [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
      [[2, 1, 3, 4]],
    ];
    const result = rankingAgreement(asPatterns(items));
    expect(result.alpha.value).toBeCloseTo(krippendorffAlpha(unitsMatrix(items), "ordinal")!, 12);
    // W: items 1-3 (item 4 tied everything: undefined; item 5 has one annotation).
    const ws = items.slice(0, 3).map((r) => kendallW(r)!);
    expect(result.kendallW.value).toBeCloseTo(ws.reduce((a, b) => a + b, 0) / 3, 12);
    expect(result.kendallW.items).toBe(3);
    expect(result.alpha.ci).not.toBeNull();
  });

  it("counts a pattern's items as many times as it occurs", () => {
    const once = rankingAgreement([
      {
        rankings: [
          [1, 2, 3],
          [1, 3, 2],
        ],
        items: 2,
      },
      {
        rankings: [
          [3, 2, 1],
          [3, 1, 2],
        ],
        items: 1,
      },
    ]);
    const expanded = rankingAgreement(
      asPatterns([
        [
          [1, 2, 3],
          [1, 3, 2],
        ],
        [
          [1, 2, 3],
          [1, 3, 2],
        ],
        [
          [3, 2, 1],
          [3, 1, 2],
        ],
      ]),
    );
    expect(once.alpha.value).toBeCloseTo(expanded.alpha.value!, 12);
    expect(once.kendallW.value).toBeCloseTo(expanded.kendallW.value!, 12);
  });

  it("resamples items with the same W together: splitting a pattern into relabelled copies leaves W's interval as it was", () => {
    // Relabelling the responses keeps W, so {P: 5000 items} and {P: 2000, P relabelled: 3000} are the same
    // items for W's bootstrap, and must give the same interval from the same seed.
    const p = [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
    ];
    const relabelled = p.map((r) => [r[2], r[0], r[1]]);
    const other = [
      [1, 2, 3],
      [3, 2, 1],
      [2, 2, 1],
    ];
    const whole = rankingAgreement([
      { rankings: p, items: 5000 },
      { rankings: other, items: 4000 },
    ]);
    const split = rankingAgreement([
      { rankings: p, items: 2000 },
      { rankings: relabelled, items: 3000 },
      { rankings: other, items: 4000 },
    ]);
    expect(kendallW(relabelled)).toBe(kendallW(p));
    expect(whole.kendallW.ci![0]).toBeLessThan(whole.kendallW.ci![1]);
    expect(split.kendallW).toEqual(whole.kendallW);
  });

  const permutation = (k: number) =>
    fc.shuffledSubarray(
      Array.from({ length: k }, (_, i) => i),
      { minLength: k, maxLength: k },
    );
  const denseRanking = (k: number) =>
    fc.array(fc.integer({ min: 1, max: k }), { minLength: k, maxLength: k }).map((scores) => {
      const distinct = [...new Set(scores)].sort((a, b) => a - b);
      return scores.map((s) => distinct.indexOf(s) + 1);
    });
  const item = fc
    .integer({ min: 2, max: 5 })
    .chain((k) => fc.tuple(fc.array(denseRanking(k), { minLength: 2, maxLength: 4 }), permutation(k)));

  it("property: relabelling an item's responses consistently across its annotators changes nothing", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (generated) => {
        const items = generated.map(([rankings]) => rankings);
        const relabelled = generated.map(([rankings, perm]) => rankings.map((r) => perm.map((j) => r[j])));
        const a = rankingAgreement(asPatterns(items));
        const b = rankingAgreement(asPatterns(relabelled));
        const same = (x: number | null, y: number | null) =>
          x === null ? y === null : y !== null && Math.abs(x - y) < 1e-9;
        return same(a.alpha.value, b.alpha.value) && same(a.kendallW.value, b.kendallW.value);
      }),
      { numRuns: 60 },
    );
  });

  it("property: perfect agreement gives 1 (both alpha and W), whenever they are defined", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (generated) => {
        const items = generated.map(([rankings]) => rankings.map(() => rankings[0]));
        const { alpha, kendallW: w } = rankingAgreement(asPatterns(items));
        return (
          (alpha.value === null || Math.abs(alpha.value - 1) < 1e-12) &&
          (w.value === null || Math.abs(w.value - 1) < 1e-12)
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("disputedResponses", () => {
  it("puts first the response whose ranks differ most between annotators", () => {
    // Position 2 is ranked 1 and 4: spread 3; position 0 ranked 2 and 1: spread 1.
    expect(
      disputedResponses([
        [2, 3, 1, 4],
        [1, 3, 4, 2],
      ]),
    ).toEqual([
      { position: 2, meanRank: 2.5, spread: 3 },
      { position: 3, meanRank: 3, spread: 2 },
      { position: 0, meanRank: 1.5, spread: 1 },
      { position: 1, meanRank: 3, spread: 0 },
    ]);
  });
});

describe("rubricAgreement", () => {
  it("is ordinal alpha per criterion, on the item x annotation matrix of that criterion", () => {
    const items = [
      [
        { help: 5, safe: 1 },
        { help: 4, safe: 1 },
        { help: 5, safe: 0 },
      ],
      [
        { help: 1, safe: 3 },
        { help: 2, safe: 3 },
      ],
      [
        { help: 3, safe: 2 },
        { help: 3, safe: 1 },
        { help: 2, safe: 2 },
      ],
    ];
    const result = rubricAgreement(
      [
        { key: "help", title: "Helpful" },
        { key: "safe", title: "Safe" },
      ],
      items.map((values) => ({ values, items: 1 })),
    );
    for (const [i, key] of ["help", "safe"].entries()) {
      const matrix = items.map((values) => values.map((v) => v[key as "help" | "safe"]));
      expect(result[i]).toMatchObject({ key, metric: "alpha_ordinal", items: 3 });
      expect(result[i].value).toBeCloseTo(krippendorffAlpha(matrix, "ordinal")!, 12);
    }
  });

  it("perfect agreement gives 1", () => {
    const [help] = rubricAgreement(
      [{ key: "help", title: "Helpful" }],
      [
        { values: [{ help: 1 }, { help: 1 }], items: 3 },
        { values: [{ help: 4 }, { help: 4 }], items: 2 },
      ],
    );
    expect(help.value).toBe(1);
  });
});
