import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import { assignLanes, segmentText } from "./segment-text";

describe("segmentText", () => {
  it("returns one uncovered segment when there are no spans", () => {
    expect(segmentText("hello", [])).toEqual([{ start: 0, end: 5, text: "hello", cover: [] }]);
  });

  it("returns nothing for empty text", () => {
    expect(segmentText("", [{ start: 0, end: 1, label: "X" }])).toEqual([]);
  });

  it("splits overlapping spans of different labels into covered runs", () => {
    const text = "New York City rocks";
    const spans: TSpan[] = [
      { start: 0, end: 13, label: "LOC" },
      { start: 4, end: 8, label: "ORG" },
    ];
    expect(segmentText(text, spans)).toEqual([
      { start: 0, end: 4, text: "New ", cover: [0] },
      { start: 4, end: 8, text: "York", cover: [0, 1] },
      { start: 8, end: 13, text: " City", cover: [0] },
      { start: 13, end: 19, text: " rocks", cover: [] },
    ]);
  });

  it("keeps adjacent spans apart and lists identical spans twice", () => {
    const spans: TSpan[] = [
      { start: 0, end: 2, label: "A" },
      { start: 2, end: 4, label: "A" },
      { start: 2, end: 4, label: "B" },
    ];
    expect(segmentText("abcd", spans).map((s) => [s.text, s.cover])).toEqual([
      ["ab", [0]],
      ["cd", [1, 2]],
    ]);
  });

  it("clamps spans to the text and ignores empty ones", () => {
    const spans: TSpan[] = [
      { start: 2, end: 99, label: "A" },
      { start: 1, end: 1, label: "B" },
      { start: 7, end: 9, label: "C" },
    ];
    expect(segmentText("abcd", spans).map((s) => [s.text, s.cover])).toEqual([
      ["ab", []],
      ["cd", [0]],
    ]);
  });

  const arbitraryCase = fc.string({ minLength: 1, maxLength: 30 }).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc
          .tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom("A", "B", "C"))
          .map(([x, y, label]) => ({ start: Math.min(x, y), end: Math.max(x, y), label })),
        { maxLength: 8 },
      ),
    ),
  );

  it("tiles the text, and a segment is covered exactly by the spans containing it", () => {
    fc.assert(
      fc.property(arbitraryCase, ([text, spans]) => {
        const segments = segmentText(text, spans);
        expect(segments.map((s) => s.text).join("")).toBe(text);
        let at = 0;
        for (const segment of segments) {
          expect(segment.start).toBe(at);
          expect(segment.end).toBeGreaterThan(segment.start);
          at = segment.end;
          const expected = spans
            .map((span, index) => ({ span, index }))
            .filter(
              ({ span }) => span.start <= segment.start && span.end >= segment.end && span.end > span.start,
            )
            .map(({ index }) => index);
          expect(segment.cover).toEqual(expected);
        }
        expect(at).toBe(text.length);
      }),
    );
  });
});

describe("assignLanes", () => {
  it("puts overlapping spans in different lanes and reuses free lanes", () => {
    const spans: TSpan[] = [
      { start: 0, end: 13, label: "LOC" },
      { start: 4, end: 8, label: "ORG" },
      { start: 14, end: 19, label: "PER" },
    ];
    expect(assignLanes(spans)).toEqual([0, 1, 0]);
  });

  it("never gives two overlapping spans the same lane", () => {
    const span = fc
      .tuple(fc.nat(40), fc.integer({ min: 1, max: 10 }))
      .map(([start, length]) => ({ start, end: start + length, label: "A" }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const lanes = assignLanes(spans);
        spans.forEach((a, i) =>
          spans.forEach((b, j) => {
            if (i !== j && a.start < b.end && b.start < a.end) expect(lanes[i]).not.toBe(lanes[j]);
          }),
        );
      }),
    );
  });
});
