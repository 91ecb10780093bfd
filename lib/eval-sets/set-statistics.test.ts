import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import { SetStatistics } from "./set-statistics";

const label = (
  value: unknown,
  agreement: number | null,
  source: TFinalLabel["source"] = "rule",
): TFinalLabel => ({
  isResolved: source !== null,
  source,
  value,
  isGold: false,
  annotationCount: 2,
  agreement,
  share: 1,
  reason: null,
});

describe("SetStatistics", () => {
  it("counts values per definition (each option of a multi-choice) and averages agreement", () => {
    const stats = new SetStatistics([
      { key: "sentiment", kind: "single_choice" },
      { key: "topics", kind: "multi_choice" },
    ]);
    stats.add({ sentiment: label("pos", 1), topics: label(["a", "b"], 0) }, 4);
    stats.add({ sentiment: label("pos", 0.5), topics: label([], null) }, 3);
    stats.add({ sentiment: label(null, null, null), topics: label(["b"], 1, "adjudication") }, 1);
    const result = stats.result();
    expect(result.items).toBe(3);
    expect(result.annotations).toBe(8);
    expect(result.labelDistribution).toEqual({ sentiment: { pos: 2, "(none)": 1 }, topics: { b: 2, a: 1 } });
    expect(result.agreement.sentiment).toEqual({
      metric: "percent_agreement",
      value: 0.75,
      itemsCompared: 2,
    });
    expect(result.agreement.topics.value).toBe(0.5);
    expect(result.sources.topics).toEqual({ rule: 2, adjudication: 1, unresolved: 0, gold: 0 });
    expect(result.sources.sentiment.unresolved).toBe(1);
  });

  it("counts an item n times at once as it counts it n times one by one", () => {
    const definitions = [
      { key: "sentiment", kind: "single_choice" as const },
      { key: "topics", kind: "multi_choice" as const },
    ];
    const item = fc.record({
      sentiment: fc.constantFrom("pos", "neg", null),
      topics: fc.subarray(["a", "b", "c"]),
      agreement: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      source: fc.constantFrom("rule" as const, "adjudication" as const, null),
      annotations: fc.nat(5),
      times: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const atOnce = new SetStatistics(definitions);
        const oneByOne = new SetStatistics(definitions);
        for (const x of items) {
          const labels = {
            sentiment: label(x.sentiment, x.agreement, x.source),
            topics: label(x.topics, x.agreement, x.source),
          };
          atOnce.add(labels, x.annotations, x.times);
          for (let i = 0; i < x.times; i++) oneByOne.add(labels, x.annotations);
        }
        expect(atOnce.result()).toEqual(oneByOne.result());
      }),
    );
  });
});
