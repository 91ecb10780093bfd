import { describe, expect, it } from "vitest";
import { ZLabelDefinitionSpec } from "./definition-spec";
import type { TLabelDefinitionSpec } from "./definition-spec";
import { diffDefinitionVersions, isBreakingChange } from "./diff-versions";

function spec(input: unknown): TLabelDefinitionSpec {
  return ZLabelDefinitionSpec.parse(input);
}

const v1 = spec({
  key: "sentiment",
  kind: "single_choice",
  title: "Sentiment",
  guidelines: "# Sentiment\nPick one.\nWhen unsure, pick neutral.",
  options: [{ key: "positive" }, { key: "negative" }, { key: "neutral" }],
});

describe("diffDefinitionVersions", () => {
  it("reports no change for identical versions", () => {
    const diff = diffDefinitionVersions(v1, v1);
    expect(diff).toEqual({
      changed: false,
      kind: null,
      options: null,
      scale: null,
      fields: [],
      guidelines: null,
      breaking: [],
    });
    expect(isBreakingChange(v1, v1)).toBe(false);
  });

  it("reports a removed option as breaking", () => {
    const v2 = spec({
      key: "sentiment",
      kind: "single_choice",
      title: "Sentiment",
      guidelines: "# Sentiment\nPick one.\nWhen unsure, pick neutral.",
      options: [{ key: "positive" }, { key: "negative" }],
    });
    const diff = diffDefinitionVersions(v1, v2);
    expect(diff.options?.removed.map((o) => o.key)).toEqual(["neutral"]);
    expect(diff.options?.added).toEqual([]);
    expect(diff.breaking).toEqual([{ code: "option_removed", message: 'option "neutral" was removed' }]);
    expect(isBreakingChange(v1, v2)).toBe(true);
    // The reverse (adding an option) is not breaking.
    expect(isBreakingChange(v2, v1)).toBe(false);
    expect(diffDefinitionVersions(v2, v1).options?.added.map((o) => o.key)).toEqual(["neutral"]);
  });

  it("reports option title/hotkey changes and reordering, not breaking", () => {
    const v2 = spec({
      key: "sentiment",
      kind: "single_choice",
      title: "Sentiment",
      guidelines: "# Sentiment\nPick one.\nWhen unsure, pick neutral.",
      options: [{ key: "negative" }, { key: "positive", title: "Positive" }, { key: "neutral" }],
    });
    const diff = diffDefinitionVersions(v1, v2);
    expect(diff.options?.reordered).toBe(true);
    expect(diff.options?.changed).toEqual([
      { key: "positive", field: "title", from: "positive", to: "Positive" },
      { key: "positive", field: "hotkey", from: "1", to: "2" },
      { key: "negative", field: "hotkey", from: "2", to: "1" },
    ]);
    expect(isBreakingChange(v1, v2)).toBe(false);
  });

  it("reports a narrowed scale as breaking and a widened one as not", () => {
    const r1 = spec({ key: "q", kind: "rating", min: 1, max: 5 });
    const r2 = spec({ key: "q", kind: "rating", min: 1, max: 4 });
    const r3 = spec({ key: "q", kind: "rating", min: 0, max: 7 });
    expect(diffDefinitionVersions(r1, r2).scale).toEqual({
      min: null,
      max: { from: 5, to: 4 },
      narrowed: true,
    });
    expect(diffDefinitionVersions(r1, r2).breaking.map((b) => b.code)).toEqual(["scale_narrowed"]);
    expect(isBreakingChange(r1, r2)).toBe(true);
    expect(diffDefinitionVersions(r1, r3).scale?.narrowed).toBe(false);
    expect(isBreakingChange(r1, r3)).toBe(false);
  });

  it("gives a line diff of changed guidelines", () => {
    const v2 = { ...v1, guidelines: "# Sentiment\nPick exactly one.\nWhen unsure, pick neutral." };
    const diff = diffDefinitionVersions(v1, v2);
    expect(diff.guidelines).toEqual([
      { type: "same", text: "# Sentiment" },
      { type: "del", text: "Pick one." },
      { type: "add", text: "Pick exactly one." },
      { type: "same", text: "When unsure, pick neutral." },
    ]);
    expect(diff.changed).toBe(true);
    expect(isBreakingChange(v1, v2)).toBe(false);
  });

  it("lists other field changes", () => {
    const v2 = { ...v1, title: "Tone", required: false };
    expect(diffDefinitionVersions(v1, v2).fields).toEqual([
      { field: "required", from: true, to: false },
      { field: "title", from: "Sentiment", to: "Tone" },
    ]);
    expect(isBreakingChange(v1, v2)).toBe(false);
    expect(diffDefinitionVersions(v2, v1).breaking.map((b) => b.code)).toEqual(["now_required"]);
  });

  it("treats a kind change as breaking", () => {
    const multi = spec({
      key: "sentiment",
      kind: "multi_choice",
      title: "Sentiment",
      guidelines: v1.guidelines,
      options: [{ key: "positive" }, { key: "negative" }, { key: "neutral" }],
    });
    const diff = diffDefinitionVersions(v1, multi);
    expect(diff.kind).toEqual({ from: "single_choice", to: "multi_choice" });
    expect(diff.options).toBeNull();
    expect(isBreakingChange(v1, multi)).toBe(true);
  });

  it("flags pairwise, spans and free_text restrictions", () => {
    const p1 = spec({ key: "p", kind: "pairwise" });
    const p2 = spec({ key: "p", kind: "pairwise", allowTie: false, textFields: ["b", "a"] });
    expect(diffDefinitionVersions(p1, p2).breaking.map((b) => b.code)).toEqual([
      "tie_disallowed",
      "text_field_changed",
    ]);
    const s1 = spec({ key: "s", kind: "spans", options: [{ key: "PER" }] });
    const s2 = spec({ key: "s", kind: "spans", options: [{ key: "PER" }], textField: "body" });
    expect(diffDefinitionVersions(s1, s2).fields).toEqual([{ field: "textField", from: "text", to: "body" }]);
    expect(isBreakingChange(s1, s2)).toBe(true);
    const f1 = spec({ key: "f", kind: "free_text" });
    const f2 = spec({ key: "f", kind: "free_text", maxLength: 100 });
    expect(isBreakingChange(f1, f2)).toBe(true);
    expect(isBreakingChange(f2, f1)).toBe(false);
  });
});
