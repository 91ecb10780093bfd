import fc from "fast-check";
import { describe, it } from "vitest";
import type { AnnotatorSpans } from "./span-agreement";
import { spanAgreement } from "./span-agreement";

const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9;

describe("spanAgreement properties", () => {
  const spanArb = fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom("PER", "LOC"))
    .map(([start, len, label]) => ({ start, end: start + len, label }));
  const itemArb = fc
    .array(fc.array(spanArb, { maxLength: 4 }), { minLength: 2, maxLength: 4 })
    .map((sets): AnnotatorSpans[] => sets.map((spans, i) => ({ annotator: `r${i}`, spans })));
  const itemsArb = fc.array(itemArb, { minLength: 1, maxLength: 5 });

  it("F1 lies in [0, 1], exact <= overlap, and annotator order does not matter", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const exact = spanAgreement(items, "exact");
        const overlap = spanAgreement(items, "overlap");
        const reversed = spanAgreement(
          items.map((item) => [...item].reverse()),
          "overlap",
        );
        const inRange = (f: number | null) => f === null || (f >= 0 && f <= 1);
        return (
          inRange(exact.f1) &&
          inRange(overlap.f1) &&
          (exact.f1 ?? 0) <= (overlap.f1 ?? 0) + 1e-12 &&
          close(overlap.f1, reversed.f1) &&
          Object.values(overlap.perLabel).every(inRange)
        );
      }),
    );
  });

  it("is 1 when everyone marks the same spans", () => {
    fc.assert(
      fc.property(
        fc.array(spanArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2, max: 4 }),
        (spans, k) => {
          const item = Array.from({ length: k }, (_, i) => ({ annotator: `r${i}`, spans }));
          return spanAgreement([item], "exact").f1 === 1 && spanAgreement([item], "overlap").f1 === 1;
        },
      ),
    );
  });
});
