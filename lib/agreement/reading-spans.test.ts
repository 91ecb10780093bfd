import { describe, expect, it } from "vitest";
import { spanEstimates } from "./report-spans";
import type { AnnotatorSpans } from "./span-agreement";

const pair = (a: AnnotatorSpans["spans"], b: AnnotatorSpans["spans"]): AnnotatorSpans[] => [
  { annotator: "u1", spans: a },
  { annotator: "u2", spans: b },
];
const insult = (start: number, end: number) => ({ start, end, label: "INS" });

describe("the span sentence", () => {
  it("names the question each figure answers", () => {
    const { readingText, also } = spanEstimates(
      [pair([insult(0, 4)], [insult(2, 6)]), pair([], []), pair([insult(0, 3)], [])],
      [{ key: "INS", title: "Insult" }],
    );
    expect(readingText).toMatch(/^Whether there is anything to mark: α -?\d\.\d\d/);
    expect(readingText).toContain("Where: span F1 0.67 with overlapping spans matching (0.00 exact)");
    // Overlap: 1 match among 3 spans, 2/3. Characters: 2*2/(4+4) = 0.5, both empty 1, one-sided 0: (0.5 + 1 + 0) / 3 = 0.5; 1 pair of 3 both empty.
    expect(readingText).toContain(
      "Where, character by character: F1 0.50 averaged over items, counting the 33% of pairs that both marked nothing as agreeing.",
    );
    expect(also.map((f) => f.metric)).toEqual([
      "span_f1_exact",
      "char_f1_item_macro",
      "both_empty_share",
      "alpha_any_span",
      "span_f1_overlap",
    ]);
  });

  it("never says 0% of pairs when the pairs agreed that there was nothing to mark", () => {
    const { readingText, primary, also } = spanEstimates(
      [pair([], []), pair([], []), pair([], [])],
      [{ key: "INS", title: "Insult" }],
    );
    expect(primary.value).toBeNull();
    expect(readingText).not.toMatch(/(^|\D)0%/);
    expect(readingText).toContain("Where: no pair of annotators marked anything");
    expect(readingText).toContain("every annotator made the same call on every item, so α is undefined");
    expect(readingText).toContain("character by character: F1 1.00");
    expect(also.find((f) => f.metric === "both_empty_share")!.value).toBe(1);
  });
});
