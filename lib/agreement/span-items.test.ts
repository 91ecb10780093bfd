import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spanAgreement, type AnnotatorSpans } from "./span-agreement";
import { f1WithInterval, spanItemStats } from "./span-items";

const spanArb = fc
  .tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom("PER", "LOC", "ORG"),
  )
  .map(([start, length, label]) => ({ start, end: start + length, label }));

const itemsArb = fc.array(
  fc
    .integer({ min: 0, max: 4 })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, a) =>
          fc.array(spanArb, { maxLength: 4 }).map((spans) => ({ annotator: `u${a}`, spans })),
        ),
      ),
    ),
  { minLength: 1, maxLength: 12 },
) as fc.Arbitrary<AnnotatorSpans[][]>;

describe("spanItemStats", () => {
  it.each(["exact", "overlap"] as const)(
    "sums per item to spanAgreement's micro F1, overall and per label (%s)",
    (mode) => {
      fc.assert(
        fc.property(itemsArb, (items) => {
          const stats = spanItemStats(items, mode);
          const reference = spanAgreement(items, mode);
          const all = items.map((_, i) => i);
          const m = stats.matched.reduce((a, b) => a + b, 0);
          const t = stats.total.reduce((a, b) => a + b, 0);
          if (reference.f1 === null) expect(t).toBe(0);
          else expect((2 * m) / t).toBeCloseTo(reference.f1, 12);
          for (const [label, f1] of Object.entries(reference.perLabel)) {
            const s = stats.byLabel.get(label)!;
            const lm = s.matched.reduce((a, b) => a + b, 0);
            const lt = s.total.reduce((a, b) => a + b, 0);
            if (f1 === null) expect(lt).toBe(0);
            else expect((2 * lm) / lt).toBeCloseTo(f1, 12);
          }
          const e = f1WithInterval(
            stats.matched,
            stats.total,
            all.filter((i) => items[i].length >= 2),
            { draws: 50 },
          );
          if (reference.f1 !== null) {
            expect(e.value).toBeCloseTo(reference.f1, 12);
            expect(e.ci![0]).toBeLessThanOrEqual(e.value! + 1e-12);
            expect(e.ci![1]).toBeGreaterThanOrEqual(e.value! - 1e-12);
          }
        }),
      );
    },
  );

  it("gives a narrower interval with more items, and the same one for the same seed", () => {
    const matched = Float64Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 2));
    const total = new Float64Array(400).fill(4);
    const few = f1WithInterval(matched, total, [...Array(40).keys()]);
    const many = f1WithInterval(matched, total, [...Array(400).keys()]);
    expect(many.value).toBeCloseTo(0.75, 12);
    expect(many.ci![1] - many.ci![0]).toBeLessThan(few.ci![1] - few.ci![0]);
    expect(f1WithInterval(matched, total, [...Array(400).keys()])).toEqual(many);
    expect(f1WithInterval(matched, total, [])).toEqual({ value: null, ci: null, items: 0 });
  });
});
