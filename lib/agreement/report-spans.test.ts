import { describe, expect, it } from "vitest";
import { spanItemsOf, type TSpanGroups } from "./report-spans";

const span = (start: number, end: number, label = "PER") => ({ start, end, label });

describe("spanItemsOf", () => {
  // Item 1: ann labeled under v1, then again under v2 in a relabel campaign; bob under v1 only.
  const groups: TSpanGroups = {
    labels: [{ key: "PER", title: "Person" }],
    items: [
      {
        itemId: "1",
        batch: null,
        week: "2026-12-07",
        latest: 0,
        labels: [
          { annotator: "ann", version: 1, spans: [span(0, 4)] },
          { annotator: "ann", version: 2, spans: [span(9, 12)] },
          { annotator: "bob", version: 1, spans: [span(0, 4)] },
        ],
      },
    ],
  };

  it("takes each annotator's latest label over all versions, so nobody is paired with themselves", () => {
    expect(spanItemsOf(groups, null)).toEqual([
      [
        { annotator: "ann", spans: [span(9, 12)] },
        { annotator: "bob", spans: [span(0, 4)] },
      ],
    ]);
  });

  it("keeps one version's labels as they are", () => {
    expect(spanItemsOf(groups, 1)).toEqual([
      [
        { annotator: "ann", spans: [span(0, 4)] },
        { annotator: "bob", spans: [span(0, 4)] },
      ],
    ]);
    expect(spanItemsOf(groups, 2)).toEqual([[{ annotator: "ann", spans: [span(9, 12)] }]]);
  });
});
