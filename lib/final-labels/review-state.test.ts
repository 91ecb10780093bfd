import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TFinalLabel } from "./final-label";
import { awaitsReview, reviewStateOf } from "./review-state";

const label = (isResolved: boolean, annotationCount: number): TFinalLabel => ({
  isResolved,
  source: isResolved ? "rule" : null,
  value: null,
  isGold: false,
  annotationCount,
  agreement: null,
  share: null,
  reason: null,
});

const DEFINITIONS = ["a", "b", "c"].map((key) => ({ id: `id-${key}`, key }));

describe("review states", () => {
  it("hold an item in the queue when a label is unresolved and there are annotations to judge", () => {
    expect(awaitsReview([label(false, 2)])).toBe(true);
    expect(awaitsReview([label(true, 3)])).toBe(false);
    expect(awaitsReview([label(false, 0)])).toBe(false);
    // Another definition's annotations count: the item has something for a lead to look at.
    expect(awaitsReview([label(true, 3), label(false, 0)])).toBe(true);
    expect(awaitsReview([])).toBe(false);
  });

  it("are a superset of every queue: any definition filter, with or without incomplete items", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat(3)), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        fc.subarray(DEFINITIONS, { minLength: 1 }),
        fc.boolean(),
        (pairs, isComplete, filter, includeIncomplete) => {
          const labels = Object.fromEntries(DEFINITIONS.map((d, i) => [d.key, label(...pairs[i])]));
          const state = reviewStateOf(DEFINITIONS, labels, isComplete);
          const isWanted =
            awaitsReview(filter.map((d) => labels[d.key])) && (includeIncomplete || isComplete);
          const isIndexed = includeIncomplete ? state.isUnresolved : state.needsReview;
          // The whole project's queue is read from the flags alone; one definition's from its id.
          if (filter.length === DEFINITIONS.length) expect(isIndexed).toBe(isWanted);
          if (filter.length === 1 && isWanted) {
            expect(isIndexed).toBe(true);
            expect(state.unresolvedIds).toContain(filter[0].id);
          }
        },
      ),
    );
  });
});
