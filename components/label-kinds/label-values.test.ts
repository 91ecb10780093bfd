import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { asSpans, formatValue, isSameValue } from "./label-values";

const sentiment = normalizeDefinition({
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "positive", title: "Positive" }, { key: "negative" }],
});
const topics = normalizeDefinition({
  key: "topics",
  kind: "multi_choice",
  options: [{ key: "sports" }, { key: "politics", title: "Politics" }],
});
const entities = normalizeDefinition({
  key: "ents",
  kind: "spans",
  options: [{ key: "PER", title: "Person" }, { key: "LOC" }],
});

describe("formatValue", () => {
  it("shows option titles", () => {
    expect(formatValue(sentiment, "positive")).toBe("Positive");
    expect(formatValue(sentiment, "unknown")).toBe("unknown");
    expect(formatValue(topics, ["politics", "sports"])).toBe("Politics, sports");
    expect(formatValue(topics, [])).toBe("none");
  });

  it("shows a rating with its caption", () => {
    const quality = normalizeDefinition({
      key: "q",
      kind: "rating",
      min: 1,
      max: 5,
      labels: { "5": "Great" },
    });
    expect(formatValue(quality, 5)).toBe("5 (Great)");
    expect(formatValue(quality, 3)).toBe("3");
  });

  it("quotes span texts, listing at most three", () => {
    const text = "Ann met Bob in Oslo and Rome";
    const spans = [
      { start: 0, end: 3, label: "PER" },
      { start: 8, end: 11, label: "PER" },
      { start: 15, end: 19, label: "LOC" },
      { start: 24, end: 28, label: "LOC" },
    ];
    expect(formatValue(entities, spans, text)).toBe("Person “Ann”, Person “Bob”, LOC “Oslo” and 1 more");
  });

  it("names pairwise sides and truncates free text", () => {
    const pair = normalizeDefinition({ key: "p", kind: "pairwise" });
    expect(formatValue(pair, "tie")).toBe("Tie");
    const note = normalizeDefinition({ key: "n", kind: "free_text" });
    expect(formatValue(note, "x".repeat(100))).toBe(`“${"x".repeat(79)}…”`);
  });
});

describe("isSameValue", () => {
  it("compares multi_choice keys and spans in any order", () => {
    expect(isSameValue(topics, ["sports", "politics"], ["politics", "sports"])).toBe(true);
    expect(isSameValue(topics, ["sports"], ["politics"])).toBe(false);
    const a = { start: 0, end: 3, label: "PER" };
    const b = { start: 4, end: 6, label: "LOC" };
    expect(isSameValue(entities, [a, b], [b, a])).toBe(true);
  });

  it("treats null and undefined as no value", () => {
    expect(isSameValue(sentiment, null, undefined)).toBe(true);
    expect(isSameValue(sentiment, "positive", null)).toBe(false);
  });
});

describe("asSpans", () => {
  it("drops malformed spans and rejects non-arrays", () => {
    expect(
      asSpans([{ start: 0, end: 2, label: "A" }, { start: 3, end: 3, label: "A" }, { start: 1 }]),
    ).toEqual([{ start: 0, end: 2, label: "A" }]);
    expect(asSpans("nope")).toBeNull();
  });
});
