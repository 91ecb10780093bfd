import { describe, expect, it } from "vitest";
import { ZLabelDefinitionInput } from "./definition-schema";
import { ZLabelDefinitionSpec, hasOptions, normalizeDefinition } from "./definition-spec";

function spec(input: unknown) {
  return ZLabelDefinitionSpec.parse(input);
}

describe("normalizeDefinition", () => {
  it("fills common defaults", () => {
    expect(spec({ key: "note", kind: "free_text" })).toEqual({
      key: "note",
      kind: "free_text",
      title: "note",
      guidelines: "",
      required: true,
      maxLength: 2000,
    });
  });

  it("fills option titles and hotkeys, keeps descriptions", () => {
    const s = spec({
      key: "sentiment",
      kind: "single_choice",
      title: "Sentiment",
      required: false,
      options: [
        { key: "positive", description: "happy" },
        { key: "negative", title: "Neg", hotkey: "1" },
        { key: "neutral", hotkey: null },
        { key: "mixed" },
      ],
    });
    expect(s).toEqual({
      key: "sentiment",
      kind: "single_choice",
      title: "Sentiment",
      guidelines: "",
      required: false,
      options: [
        { key: "positive", title: "positive", hotkey: "2", description: "happy" },
        { key: "negative", title: "Neg", hotkey: "1" },
        { key: "neutral", title: "neutral", hotkey: null },
        { key: "mixed", title: "mixed", hotkey: "3" },
      ],
    });
    expect(hasOptions(s)).toBe(true);
  });

  it("defaults spans textField to text", () => {
    const s = spec({ key: "ner", kind: "spans", options: [{ key: "PER" }] });
    expect(s).toMatchObject({ kind: "spans", textField: "text" });
  });

  it("defaults pairwise sides to a, b and allowTie to true, no prompt field", () => {
    const s = spec({ key: "pref", kind: "pairwise" });
    expect(s).toMatchObject({ textFields: ["a", "b"], allowTie: true });
    expect("textField" in s).toBe(false);
    expect(hasOptions(s)).toBe(false);
  });

  it("defaults rating labels to {}", () => {
    expect(spec({ key: "q", kind: "rating", min: 1, max: 5 })).toMatchObject({ labels: {} });
  });

  it("is idempotent: a spec is a valid input and normalizes to itself", () => {
    const inputs = [
      { key: "a", kind: "single_choice", options: [{ key: "x" }, { key: "y", hotkey: null }] },
      { key: "b", kind: "multi_choice", options: [{ key: "x", description: "d" }] },
      { key: "c", kind: "rating", min: 0, max: 3, labels: { "0": "none" } },
      { key: "d", kind: "spans", options: [{ key: "PER" }], textField: "body" },
      { key: "e", kind: "pairwise", textField: "prompt", allowTie: false },
      { key: "f", kind: "free_text", maxLength: 10, required: false, guidelines: "# Hi" },
    ];
    for (const input of inputs) {
      const once = spec(input);
      const parsedAgain = ZLabelDefinitionInput.parse(JSON.parse(JSON.stringify(once)));
      expect(normalizeDefinition(parsedAgain)).toEqual(once);
    }
  });
});
