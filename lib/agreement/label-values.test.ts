import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import {
  canonicalValue,
  dictionaryFor,
  displayValue,
  setKey,
  setKeyFromMask,
  valueIndex,
} from "./label-values";

const spec = (input: Parameters<typeof normalizeDefinition>[0]) => normalizeDefinition(input);

describe("value dictionaries", () => {
  it("list every version's options, newest titles first, and options later dropped", () => {
    const v2 = spec({
      key: "s",
      kind: "single_choice",
      options: [{ key: "pos", title: "Positive" }, { key: "neg" }],
    });
    const v1 = spec({
      key: "s",
      kind: "single_choice",
      options: [{ key: "pos", title: "Good" }, { key: "meh" }],
    });
    const dict = dictionaryFor("single_choice", [v2, v1]);
    expect(dict.values).toEqual(["pos", "neg", "meh"]);
    expect(dict.labels).toEqual(["Positive", "neg", "meh"]);
    expect(dict.scalarTexts).toEqual(["pos", "neg", "meh"]);
  });

  it("span the union of rating scales, with captions", () => {
    const a = spec({ key: "r", kind: "rating", min: 1, max: 3, labels: { "1": "bad" } });
    const b = spec({ key: "r", kind: "rating", min: 2, max: 5 });
    const dict = dictionaryFor("rating", [a, b]);
    expect(dict.values).toEqual([1, 2, 3, 4, 5]);
    expect(dict.labels[0]).toBe("1 (bad)");
    expect(canonicalValue(dict, 4)).toBe(4);
    expect(canonicalValue(dict, "4")).toBeNull();
  });

  it("treat multi-choice answers as sets in option order", () => {
    const dict = dictionaryFor("multi_choice", [
      spec({
        key: "t",
        kind: "multi_choice",
        options: [{ key: "food", title: "Food" }, { key: "staff" }, { key: "price" }],
      }),
    ]);
    expect(setKey(dict, ["price", "food", "food"])).toBe('["food","price"]');
    expect(setKeyFromMask(dict, BigInt(5))).toBe('["food","price"]');
    expect(canonicalValue(dict, ["staff", "food"])).toBe('["food","staff"]');
    expect(dict.labels[valueIndex(dict, '["food","staff"]')]).toBe("Food + staff");
    expect(dict.labels[valueIndex(dict, "[]")]).toBe("(none)");
  });

  it("pairwise comparisons have three values", () => {
    expect(dictionaryFor("pairwise", [spec({ key: "p", kind: "pairwise" })]).values).toEqual([
      "A",
      "B",
      "tie",
    ]);
  });

  it("display stored values the way a lead reads them", () => {
    const single = dictionaryFor("single_choice", [
      spec({ key: "s", kind: "single_choice", options: [{ key: "pos", title: "Positive" }] }),
    ]);
    expect(displayValue(single, '"pos"')).toBe("Positive");
    const spans = dictionaryFor("spans", [
      spec({ key: "e", kind: "spans", options: [{ key: "PER", title: "Person" }] }),
    ]);
    expect(displayValue(spans, '[{"start":0,"end":4,"label":"PER"}]')).toBe("Person 0–4");
    expect(displayValue(spans, "[]")).toBe("(no spans)");
    const text = dictionaryFor("free_text", [spec({ key: "f", kind: "free_text" })]);
    expect(displayValue(text, JSON.stringify("x".repeat(300)))).toHaveLength(160);
  });
});
