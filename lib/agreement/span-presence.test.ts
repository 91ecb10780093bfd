import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff";
import type { AnnotatorSpans, Span } from "./span-agreement";
import {
  alphaAnySpan,
  bothEmptyShare,
  charF1,
  charF1ItemMacro,
  markedOffsets,
  spanPresenceStats,
} from "./span-presence";

const s = (start: number, end: number, label = "INS"): Span => ({ start, end, label });
const item = (...sets: Span[][]): AnnotatorSpans[] => sets.map((spans, i) => ({ annotator: `u${i}`, spans }));

// Worked by hand (see the numbers in each test):
// A: u0 marks [0,5) as an insult, u1 [3,8) as a threat, u2 nothing. Offsets {0..4} and {3..7} share
//    {3,4}: F1 = 2*2/(5+5) = 0.4, labels ignored; both pairs with u2 are one-sided, F1 0. Mean 0.4/3.
// B: both marked nothing: F1 1, one both-empty pair.
// C: u0 marks [0,4) and [2,6) (overlapping, different labels: offsets {0..5}), u1 [0,6): F1 1.
// D: one annotator only: no pair, left out.
const ITEMS = [
  item([s(0, 5)], [s(3, 8, "THR")], []),
  item([], []),
  item([s(0, 4), s(2, 6, "THR")], [s(0, 6)]),
  item([s(1, 2)]),
];
const PAIRABLE = [0, 1, 2];

describe("character F1 (SemEval-2021 Task 5)", () => {
  it("counts offsets, not spans, and ignores labels", () => {
    expect(markedOffsets([s(0, 4), s(2, 6, "THR")])).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(charF1(markedOffsets([s(0, 5)]), markedOffsets([s(3, 8, "THR")]))).toBeCloseTo(0.4, 12);
  });

  it("is 1 when both marked nothing and 0 when only one did", () => {
    expect(charF1(new Set(), new Set())).toBe(1);
    expect(charF1(new Set([3]), new Set())).toBe(0);
    expect(charF1(new Set(), new Set([3]))).toBe(0);
  });

  it("averages over an item's pairs, then over items", () => {
    const stats = spanPresenceStats(ITEMS);
    expect(Array.from(stats.charF1.slice(0, 3))).toEqual([expect.closeTo(0.4 / 3, 12), 1, 1]);
    const macro = charF1ItemMacro(stats, PAIRABLE);
    expect(macro.value).toBeCloseTo((0.4 / 3 + 1 + 1) / 3, 12);
    expect(macro.items).toBe(3);
    expect(macro.ci![0]).toBeLessThanOrEqual(macro.value!);
    expect(macro.ci![1]).toBeGreaterThanOrEqual(macro.value!);
  });

  it("gives 1 on items where everyone marked nothing and 0 on one-sided items", () => {
    expect(charF1ItemMacro(spanPresenceStats([item([], [], [])]), [0]).value).toBe(1);
    expect(charF1ItemMacro(spanPresenceStats([item([s(0, 3)], [])]), [0]).value).toBe(0);
  });
});

describe("share of pairs in which neither marked anything", () => {
  it("counts pairs, not items", () => {
    // A has 3 pairs, B 1 (both empty), C 1.
    expect(bothEmptyShare(spanPresenceStats(ITEMS), PAIRABLE)).toEqual({ value: 1 / 5, ci: null, items: 3 });
    expect(bothEmptyShare(spanPresenceStats([item([], [], [])]), [0]).value).toBe(1);
    expect(bothEmptyShare(spanPresenceStats([item([s(0, 1)])]), []).value).toBeNull();
  });
});

describe("alpha of marked something / nothing", () => {
  it("equals the hand-derived nominal alpha", () => {
    // Coincidences: A (m, m, n) adds o_mm 1, o_mn 1, o_nm 1; B (n, n) o_nn 2; C (m, m) o_mm 2.
    // n_m = 4, n_n = 3, n = 7: D_o = 2/7, D_e = 2*4*3/(7*6) = 4/7, alpha = 1 - (2/7)/(4/7) = 0.5.
    const e = alphaAnySpan(spanPresenceStats(ITEMS), PAIRABLE);
    expect(e.value).toBeCloseTo(0.5, 12);
    expect(e.items).toBe(3);
    expect(e.ci![0]).toBeLessThanOrEqual(0.5);
    expect(e.ci![1]).toBeGreaterThanOrEqual(0.5);
  });

  it("is undefined when everyone made the same call", () => {
    expect(alphaAnySpan(spanPresenceStats([item([], []), item([], [])]), [0, 1]).value).toBeNull();
    expect(alphaAnySpan(spanPresenceStats([item([s(0, 1)])]), [0])).toEqual({
      value: null,
      ci: null,
      items: 0,
    });
  });
});

describe("properties", () => {
  const spanArb = fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom("A", "B"))
    .map(([start, len, label]) => s(start, start + len, label));
  const itemArb = fc
    .array(fc.array(spanArb, { maxLength: 3 }), { minLength: 2, maxLength: 5 })
    .map((sets) => item(...sets));
  const itemsArb = fc.array(itemArb, { minLength: 1, maxLength: 8 });

  it("character F1 is symmetric, in [0, 1], and 1 exactly when the offsets are equal", () => {
    fc.assert(
      fc.property(fc.array(spanArb), fc.array(spanArb), (a, b) => {
        const [x, y] = [markedOffsets(a), markedOffsets(b)];
        const f = charF1(x, y);
        const same = x.size === y.size && [...x].every((c) => y.has(c));
        return f === charF1(y, x) && f >= 0 && f <= 1 && (f === 1) === same;
      }),
    );
  });

  it("relabelling spans changes no figure", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const relabelled = items.map((it) =>
          it.map((a) => ({ ...a, spans: a.spans.map((sp) => ({ ...sp, label: "Z" })) })),
        );
        const subset = items.map((_, i) => i);
        const [x, y] = [spanPresenceStats(items), spanPresenceStats(relabelled)];
        return (
          charF1ItemMacro(x, subset).value === charF1ItemMacro(y, subset).value &&
          alphaAnySpan(x, subset).value === alphaAnySpan(y, subset).value
        );
      }),
      { numRuns: 30 },
    );
  });

  it("alpha of marked / nothing equals the textbook alpha on the 0/1 reliability matrix", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const subset = items.map((_, i) => i);
        const matrix = items.map((it) => {
          const row: (number | null)[] = Array.from({ length: 5 }, () => null);
          it.forEach((a, k) => (row[k] = markedOffsets(a.spans).size > 0 ? 1 : 0));
          return row;
        });
        const expected = krippendorffAlpha(matrix, "nominal");
        const got = alphaAnySpan(spanPresenceStats(items), subset).value;
        return expected === null ? got === null : got !== null && Math.abs(got - expected) < 1e-9;
      }),
      { numRuns: 30 },
    );
  });

  it("the item-macro character F1 is 1 on items where everyone marked the same characters", () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 4 }), fc.integer({ min: 2, max: 5 }), (spans, k) => {
        const same = item(...Array.from({ length: k }, () => spans));
        return charF1ItemMacro(spanPresenceStats([same]), [0]).value === 1;
      }),
    );
  });
});
