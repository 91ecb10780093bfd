import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { findMajority } from "./majority";

const spec = (input: Record<string, unknown>) => normalizeDefinition(input as TLabelDefinitionInput);
const sentiment = spec({
  key: "s",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
});
const spans = spec({ key: "t", kind: "spans", options: [{ key: "insult" }, { key: "threat" }] });
const topics = spec({ key: "m", kind: "multi_choice", options: [{ key: "a" }, { key: "b" }, { key: "c" }] });

describe("findMajority", () => {
  // Each case counted by hand: the value with strictly more votes than any other, else none.
  it.each([
    { votes: ["pos", "pos", "neg"], expected: { value: "pos", count: 2, total: 3 } },
    { votes: ["pos", "neg", "neu", "neg"], expected: { value: "neg", count: 2, total: 4 } },
    { votes: ["neu"], expected: { value: "neu", count: 1, total: 1 } },
    { votes: ["pos", "neg"], expected: null },
    { votes: ["pos", "neg", "neu"], expected: null },
    { votes: ["pos", "pos", "neg", "neg", "neu"], expected: null },
    { votes: [], expected: null },
  ])("single choice $votes", ({ votes, expected }) => {
    expect(findMajority(sentiment, votes)).toEqual(expected);
  });

  it("counts spans given in a different order as the same answer", () => {
    const x = { start: 0, end: 4, label: "insult" };
    const y = { start: 10, end: 15, label: "threat" };
    const z = { start: 5, end: 8, label: "insult" };
    expect(findMajority(spans, [[x, y], [y, x], [z]])).toEqual({ value: [x, y], count: 2, total: 3 });
    expect(findMajority(spans, [[x], [y]])).toBeNull();
  });

  it("counts an empty answer like any other, and multi-choice keys in any order together", () => {
    expect(findMajority(topics, [["b", "a"], ["a", "b"], null])).toEqual({
      value: ["a", "b"],
      count: 2,
      total: 3,
    });
    expect(findMajority(topics, [null, null, ["c"]])).toEqual({ value: null, count: 2, total: 3 });
  });
});
