import { describe, expect, it } from "vitest";
import { ZLabelDefinitionInput } from "./definition-schema";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { TFieldError } from "@/lib/schemas/field-errors";

function errorsOf(input: unknown): TFieldError[] {
  const result = ZLabelDefinitionInput.safeParse(input);
  if (result.success) return [];
  return toFieldErrors(result.error);
}

function paths(input: unknown): string[] {
  return errorsOf(input).map((e) => e.path);
}

const options = [{ key: "positive" }, { key: "negative", title: "Negative", hotkey: "n" }];

describe("ZLabelDefinitionInput: common fields", () => {
  it("accepts a minimal single_choice", () => {
    expect(errorsOf({ key: "sentiment", kind: "single_choice", options })).toEqual([]);
  });

  it.each([["Sentiment"], ["1abc"], ["_x"], ["a-b"], [""], ["a".repeat(65)]])(
    "rejects key %j with path key",
    (key) => {
      const errors = errorsOf({ key, kind: "single_choice", options });
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe("key");
      expect(errors[0]?.message).toMatch(/key must start with a lowercase letter/);
    },
  );

  it("accepts a 64-character key", () => {
    expect(paths({ key: "a".repeat(64), kind: "free_text" })).toEqual([]);
  });

  it("rejects an unknown kind with path kind", () => {
    const errors = errorsOf({ key: "x", kind: "best_worst" });
    expect(errors).toEqual([{ path: "kind", message: expect.stringContaining("single_choice") }]);
  });

  it("rejects a missing kind", () => {
    expect(paths({ key: "x" })).toEqual(["kind"]);
  });

  it("rejects a too long title and guidelines", () => {
    const errors = errorsOf({
      key: "x",
      kind: "free_text",
      title: "t".repeat(201),
      guidelines: "g".repeat(50_001),
    });
    expect(errors.map((e) => e.path).sort()).toEqual(["guidelines", "title"]);
    expect(errors.find((e) => e.path === "title")?.message).toMatch(/at most 200/);
  });

  it("accepts 50,000 characters of guidelines", () => {
    expect(paths({ key: "x", kind: "free_text", guidelines: "g".repeat(50_000) })).toEqual([]);
  });

  it("rejects unknown fields, naming each", () => {
    expect(paths({ key: "x", kind: "free_text", color: "red", size: 1 }).sort()).toEqual(["color", "size"]);
  });

  it("rejects fields of another kind", () => {
    expect(paths({ key: "x", kind: "single_choice", options, min: 1 })).toEqual(["min"]);
    expect(paths({ key: "x", kind: "free_text", options })).toEqual(["options"]);
  });

  it("rejects a non-boolean required", () => {
    expect(paths({ key: "x", kind: "free_text", required: "yes" })).toEqual(["required"]);
  });
});

describe("options (single_choice, multi_choice, spans)", () => {
  for (const kind of ["single_choice", "multi_choice", "spans"] as const) {
    it(`${kind}: requires 1..50 options`, () => {
      expect(paths({ key: "x", kind })).toEqual(["options"]);
      expect(paths({ key: "x", kind, options: [] })).toEqual(["options"]);
      const many = Array.from({ length: 51 }, (_, i) => ({ key: `o${i}` }));
      expect(errorsOf({ key: "x", kind, options: many })[0]?.message).toMatch(/at most 50/);
      expect(paths({ key: "x", kind, options: many.slice(0, 50) })).toEqual([]);
    });
  }

  it("accepts loose option keys like PER, B-LOC and 5", () => {
    const opts = [{ key: "PER" }, { key: "B-LOC" }, { key: "5" }, { key: "not_sure" }];
    expect(paths({ key: "ner", kind: "spans", options: opts })).toEqual([]);
  });

  it("rejects bad option keys with the option's path", () => {
    const opts = [{ key: "ok" }, { key: "has space" }, { key: "" }, { key: "é" }];
    expect(paths({ key: "x", kind: "single_choice", options: opts })).toEqual([
      "options.1.key",
      "options.2.key",
      "options.3.key",
    ]);
  });

  it("rejects duplicate option keys, case-insensitively", () => {
    const errors = errorsOf({
      key: "x",
      kind: "multi_choice",
      options: [{ key: "PER" }, { key: "LOC" }, { key: "per" }],
    });
    expect(errors).toEqual([
      { path: "options.2.key", message: expect.stringContaining('duplicate option key "per"') },
    ]);
  });

  it.each([["Enter"], [" "], ["A"], ["!"], ["12"], [""]])("rejects hotkey %j", (hotkey) => {
    const errors = errorsOf({ key: "x", kind: "single_choice", options: [{ key: "a", hotkey }] });
    expect(errors.map((e) => e.path)).toEqual(["options.0.hotkey"]);
    expect(errors[0]?.message).toMatch(/hotkey must be one character/);
  });

  it("accepts digit, letter and null hotkeys", () => {
    const opts = [
      { key: "a", hotkey: "0" },
      { key: "b", hotkey: "z" },
      { key: "c", hotkey: null },
    ];
    expect(paths({ key: "x", kind: "single_choice", options: opts })).toEqual([]);
  });

  it("rejects duplicate hotkeys", () => {
    const opts = [
      { key: "a", hotkey: "1" },
      { key: "b", hotkey: "1" },
    ];
    const errors = errorsOf({ key: "x", kind: "single_choice", options: opts });
    expect(errors).toEqual([
      { path: "options.1.hotkey", message: expect.stringContaining('duplicate hotkey "1"') },
    ]);
  });

  it("rejects unknown option fields and too long descriptions", () => {
    const opts = [{ key: "a", color: "red", description: "d".repeat(1001) }];
    expect(paths({ key: "x", kind: "single_choice", options: opts }).sort()).toEqual([
      "options.0.color",
      "options.0.description",
    ]);
  });
});

describe("rating", () => {
  it("accepts an integer scale with labels", () => {
    const def = { key: "q", kind: "rating", min: 1, max: 5, labels: { "1": "bad", "5": "good" } };
    expect(paths(def)).toEqual([]);
    expect(paths({ key: "q", kind: "rating", min: -10, max: 10 })).toEqual([]);
  });

  it("requires integer min and max", () => {
    expect(paths({ key: "q", kind: "rating" }).sort()).toEqual(["max", "min"]);
    expect(errorsOf({ key: "q", kind: "rating", min: 1.5, max: 5 })).toEqual([
      { path: "min", message: "min must be an integer" },
    ]);
  });

  it("requires min < max", () => {
    expect(errorsOf({ key: "q", kind: "rating", min: 5, max: 5 })).toEqual([
      { path: "max", message: "max must be greater than min" },
    ]);
  });

  it("limits the scale to 20 steps", () => {
    expect(paths({ key: "q", kind: "rating", min: 0, max: 20 })).toEqual([]);
    expect(errorsOf({ key: "q", kind: "rating", min: 0, max: 21 })[0]).toEqual({
      path: "max",
      message: expect.stringContaining("at most 20 steps"),
    });
  });

  it("rejects label keys outside the scale or not integers", () => {
    const labels = { "0": "zero", "3": "ok", "2.5": "half", "03": "padded" };
    expect(paths({ key: "q", kind: "rating", min: 1, max: 5, labels }).sort()).toEqual([
      "labels.0",
      "labels.03",
      "labels.2.5",
    ]);
  });
});

describe("spans", () => {
  it("accepts a textField and rejects an empty one", () => {
    expect(paths({ key: "ner", kind: "spans", options, textField: "body" })).toEqual([]);
    expect(paths({ key: "ner", kind: "spans", options, textField: "" })).toEqual(["textField"]);
  });
});

describe("pairwise", () => {
  it("accepts defaults and explicit fields", () => {
    expect(paths({ key: "pref", kind: "pairwise" })).toEqual([]);
    const def = {
      key: "pref",
      kind: "pairwise",
      textFields: ["left", "right"],
      textField: "prompt",
      allowTie: false,
    };
    expect(paths(def)).toEqual([]);
  });

  it("requires two different side fields", () => {
    expect(paths({ key: "p", kind: "pairwise", textFields: ["a"] })).toEqual(["textFields"]);
    expect(paths({ key: "p", kind: "pairwise", textFields: ["a", "b", "c"] })).toEqual(["textFields"]);
    expect(paths({ key: "p", kind: "pairwise", textFields: ["a", "a"] })).toEqual(["textFields.1"]);
  });

  it("requires the prompt field to differ from the sides", () => {
    expect(paths({ key: "p", kind: "pairwise", textField: "a" })).toEqual(["textField"]);
  });

  it("rejects a non-boolean allowTie", () => {
    expect(paths({ key: "p", kind: "pairwise", allowTie: 1 })).toEqual(["allowTie"]);
  });
});

describe("free_text", () => {
  it("accepts maxLength in 1..100000", () => {
    expect(paths({ key: "note", kind: "free_text", maxLength: 1 })).toEqual([]);
    expect(paths({ key: "note", kind: "free_text", maxLength: 100_000 })).toEqual([]);
  });

  it.each([[0], [100_001], [2.5], ["10"]])("rejects maxLength %j", (maxLength) => {
    expect(paths({ key: "note", kind: "free_text", maxLength })).toEqual(["maxLength"]);
  });
});
