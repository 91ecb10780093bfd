import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import type { TDefinitionDraft } from "./definition-draft";
import {
  draftFromInput,
  emptyDraft,
  inputFromDraft,
  newOptionDraft,
  previewDraftOf,
  validateDraft,
} from "./definition-draft";

function draft(fields: Partial<TDefinitionDraft>): TDefinitionDraft {
  return { ...emptyDraft(), ...fields };
}

describe("inputFromDraft / validateDraft", () => {
  it("builds a choice definition, leaving blank optional fields out", () => {
    const result = validateDraft(
      draft({
        key: " sentiment ",
        title: "Sentiment",
        options: [
          newOptionDraft({ key: "positive", hotkey: "p" }),
          newOptionDraft({ key: "negative", description: " sad " }),
        ],
      }),
    );
    expect(result.input).toEqual({
      key: "sentiment",
      kind: "single_choice",
      title: "Sentiment",
      required: true,
      options: [
        { key: "positive", hotkey: "p" },
        { key: "negative", description: "sad" },
      ],
    });
  });

  it("reports errors by field path", () => {
    const result = validateDraft(
      draft({
        key: "Bad Key",
        options: [newOptionDraft({ key: "a", hotkey: "1" }), newOptionDraft({ key: "A", hotkey: "1" })],
      }),
    );
    expect(result.success).toBe(false);
    expect(Object.keys(result.errors).sort()).toEqual(["key", "options.1.hotkey", "options.1.key"]);
  });

  it("sends only the current kind's fields, and keeps the others in the draft", () => {
    const d = draft({
      key: "q",
      kind: "rating",
      min: "1",
      max: "5",
      captions: { "1": "Bad", "5": " Great ", "9": "Off scale" },
    });
    expect(inputFromDraft(d)).toEqual({
      key: "q",
      kind: "rating",
      required: true,
      min: 1,
      max: 5,
      labels: { "1": "Bad", "5": "Great" },
    });
    expect(validateDraft(d).success).toBe(true);
    expect(inputFromDraft({ ...d, kind: "free_text" })).toEqual({
      key: "q",
      kind: "free_text",
      required: true,
    });
  });

  it("names blank and inverted scale bounds", () => {
    expect(validateDraft(draft({ key: "q", kind: "rating", min: "", max: "5" })).errors.min).toBe(
      "min must be an integer",
    );
    expect(validateDraft(draft({ key: "q", kind: "rating", min: "5", max: "1" })).errors.max).toBe(
      "max must be greater than min",
    );
  });

  it("validates pairwise fields", () => {
    const result = validateDraft(
      draft({ key: "p", kind: "pairwise", sideA: "x", sideB: "x", promptField: "x" }),
    );
    expect(result.errors["textFields.1"]).toMatch(/two different fields/);
    expect(result.errors.textField).toMatch(/must differ/);
  });

  it("keeps an explicit 'no hotkey' unless a key is typed", () => {
    const d = draft({ key: "s", options: [newOptionDraft({ key: "a", hasNoHotkey: true })] });
    expect(inputFromDraft(d).options).toEqual([{ key: "a", hotkey: null }]);
  });
});

describe("draftFromInput", () => {
  it("round-trips every kind", () => {
    const inputs = [
      {
        key: "s",
        kind: "single_choice",
        options: [{ key: "a", title: "A", hotkey: null, description: "d" }],
      },
      { key: "m", kind: "multi_choice", required: false, options: [{ key: "x", hotkey: "x" }] },
      { key: "r", kind: "rating", min: -2, max: 2, labels: { "-2": "No" }, guidelines: "# Hi" },
      { key: "e", kind: "spans", options: [{ key: "PER" }], textField: "body" },
      { key: "p", kind: "pairwise", textFields: ["left", "right"], textField: "prompt", allowTie: false },
      { key: "f", kind: "free_text", maxLength: 50, title: "Note" },
    ] as const;
    for (const input of inputs) {
      const back = inputFromDraft(draftFromInput(structuredClone(input) as never));
      expect(normalizeDefinition(back as never)).toEqual(
        normalizeDefinition(structuredClone(input) as never),
      );
    }
  });
});

describe("previewDraftOf", () => {
  it("fills placeholders so a half-filled new draft can be previewed", () => {
    const d = draft({ key: "", options: [newOptionDraft(), newOptionDraft({ key: "neg", hotkey: "!" })] });
    const invalid = validateDraft(d);
    expect(invalid.success).toBe(false);
    const preview = validateDraft(previewDraftOf(d, invalid.errors));
    expect(preview.input).toEqual({
      key: "preview",
      kind: "single_choice",
      title: "Untitled definition",
      required: true,
      options: [{ key: "option_1", title: "Option 1" }, { key: "neg" }],
    });
  });

  it("leaves errors in the kind's own settings alone", () => {
    const d = draft({ key: "q", kind: "rating", min: "5", max: "1" });
    expect(validateDraft(previewDraftOf(d, validateDraft(d).errors)).success).toBe(false);
  });
});
