import { describe, expect, it } from "vitest";
import type { AnnotatorSpans } from "./span-agreement";
import { spanAgreement } from "./span-agreement";

/*
 * Item 1, two annotators:
 *   A: [0,5) PER, [10,15) LOC
 *   B: [0,5) PER, [11,15) LOC, [20,25) ORG
 * Item 2, three annotators:
 *   A: [0,3) PER;  B: [0,3) PER;  C: (nothing)
 * Item 3, one annotator: not counted.
 *
 * Pairs: 1 (item 1) + 3 (item 2) = 4.
 * exact:   item 1 matches PER only: matched 1 of 2 + 3 = 5 spans;
 *          item 2: AB matched 1 of 2, AC 0 of 1, BC 0 of 1 -> matched 1 of 4.
 *          F1 = 2 * 2 / 9 = 4/9; PER: 2 * (1 + 1) / (2 + 4) = 2/3; LOC: 0 / 2 = 0; ORG: 0 / 1 = 0.
 * overlap: [10,15) and [11,15) also match: matched 2 of 5 on item 1, 1 of 4 on item 2.
 *          F1 = 2 * 3 / 9 = 2/3; LOC: 2 * 1 / 2 = 1.
 */
const items: AnnotatorSpans[][] = [
  [
    {
      annotator: "A",
      spans: [
        { start: 0, end: 5, label: "PER" },
        { start: 10, end: 15, label: "LOC" },
      ],
    },
    {
      annotator: "B",
      spans: [
        { start: 0, end: 5, label: "PER" },
        { start: 11, end: 15, label: "LOC" },
        { start: 20, end: 25, label: "ORG" },
      ],
    },
  ],
  [
    { annotator: "A", spans: [{ start: 0, end: 3, label: "PER" }] },
    { annotator: "B", spans: [{ start: 0, end: 3, label: "PER" }] },
    { annotator: "C", spans: [] },
  ],
  [{ annotator: "A", spans: [{ start: 0, end: 3, label: "MISC" }] }],
];

describe("spanAgreement", () => {
  it("exact mode", () => {
    const r = spanAgreement(items, "exact");
    expect(r.pairs).toBe(4);
    expect(r.f1).toBeCloseTo(4 / 9, 12);
    expect(r.perLabel).toEqual({ LOC: 0, ORG: 0, PER: expect.closeTo(2 / 3, 12) as number });
  });

  it("overlap mode", () => {
    const r = spanAgreement(items, "overlap");
    expect(r.pairs).toBe(4);
    expect(r.f1).toBeCloseTo(2 / 3, 12);
    expect(r.perLabel.LOC).toBe(1);
    expect(r.perLabel.PER).toBeCloseTo(2 / 3, 12);
    expect(r.perLabel.ORG).toBe(0);
    expect("MISC" in r.perLabel).toBe(false);
  });

  it("requires the same label and treats ranges as half-open", () => {
    const r = spanAgreement(
      [
        [
          {
            annotator: "A",
            spans: [
              { start: 0, end: 5, label: "X" },
              { start: 10, end: 20, label: "X" },
            ],
          },
          {
            annotator: "B",
            spans: [
              { start: 5, end: 9, label: "X" },
              { start: 10, end: 20, label: "Y" },
            ],
          },
        ],
      ],
      "overlap",
    );
    expect(r.f1).toBe(0);
  });

  it("matches each span at most once, maximising the number of matches", () => {
    /*
     * A: a1 = [4,10), a2 = [12,20);  B: b1 = [5,15), b2 = [0,6), all label X.
     * a1 overlaps b1 (5 chars) and b2 (2 chars); a2 overlaps b1 only. A greedy
     * "largest overlap first" would take (a1,b1) and stop at 1 match; the
     * maximum matching a1-b2, a2-b1 gives 2, so F1 = 2 * 2 / 4 = 1.
     * A single long span cannot match two short ones: F1 = 2 * 1 / 3.
     */
    const x = (start: number, end: number) => ({ start, end, label: "X" });
    const crossing = spanAgreement(
      [
        [
          { annotator: "A", spans: [x(4, 10), x(12, 20)] },
          { annotator: "B", spans: [x(5, 15), x(0, 6)] },
        ],
      ],
      "overlap",
    );
    expect(crossing.f1).toBe(1);
    const oneToMany = spanAgreement(
      [
        [
          { annotator: "A", spans: [x(0, 20)] },
          { annotator: "B", spans: [x(0, 5), x(10, 15)] },
        ],
      ],
      "overlap",
    );
    expect(oneToMany.f1).toBeCloseTo(2 / 3, 12);
  });

  it("counts duplicate spans as a multiset in exact mode", () => {
    const s = { start: 1, end: 2, label: "L" };
    const r = spanAgreement(
      [
        [
          { annotator: "A", spans: [s, s] },
          { annotator: "B", spans: [s] },
        ],
      ],
      "exact",
    );
    expect(r.f1).toBeCloseTo(2 / 3, 12);
  });

  it("returns null F1 when no counted pair has a span", () => {
    const r = spanAgreement(
      [
        [
          { annotator: "A", spans: [] },
          { annotator: "B", spans: [] },
        ],
      ],
      "exact",
    );
    expect(r).toEqual({ f1: null, perLabel: {}, pairs: 1 });
    expect(spanAgreement([], "overlap")).toEqual({ f1: null, perLabel: {}, pairs: 0 });
  });

  it("rejects invalid spans and repeated annotators", () => {
    expect(() =>
      spanAgreement(
        [
          [
            { annotator: "A", spans: [{ start: 5, end: 1, label: "X" }] },
            { annotator: "B", spans: [] },
          ],
        ],
        "exact",
      ),
    ).toThrow(/Invalid span/);
    expect(() =>
      spanAgreement(
        [
          [
            { annotator: "A", spans: [] },
            { annotator: "A", spans: [] },
          ],
        ],
        "exact",
      ),
    ).toThrow(/twice/);
  });
});
