import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZLabelDefinitionSpec } from "./definition-spec";
import type { TLabelDefinitionSpec } from "./definition-spec";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { TFieldError } from "@/lib/schemas/field-errors";
import { valueSchemaFor } from "./value-schema";

function spec(input: unknown): TLabelDefinitionSpec {
  return ZLabelDefinitionSpec.parse(input);
}

function errorsOf(schema: z.ZodType, value: unknown): TFieldError[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error);
}

const sentiment = spec({
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "positive" }, { key: "negative" }],
});
const topics = spec({
  key: "topics",
  kind: "multi_choice",
  options: [{ key: "sports" }, { key: "politics" }, { key: "tech" }],
});
const quality = spec({ key: "quality", kind: "rating", min: 1, max: 5 });
const ner = spec({ key: "ner", kind: "spans", options: [{ key: "PER" }, { key: "LOC" }] });
const pref = spec({ key: "pref", kind: "pairwise" });
const prefNoTie = spec({ key: "pref", kind: "pairwise", allowTie: false });
const note = spec({ key: "note", kind: "free_text", maxLength: 10 });

describe("single_choice", () => {
  const schema = valueSchemaFor(sentiment);
  it("accepts an option key", () => {
    expect(schema.parse("positive")).toBe("positive");
  });
  it("rejects an unknown key or a non-string, naming the options", () => {
    expect(errorsOf(schema, "meh")[0]?.message).toBe(
      '"meh" is not one of the options of "sentiment": positive, negative',
    );
    expect(errorsOf(schema, 1)).toHaveLength(1);
    expect(errorsOf(schema, ["positive"])).toHaveLength(1);
  });
  it("rejects null and absent for a required definition", () => {
    expect(errorsOf(schema, null)).toEqual([{ path: "", message: 'a value for "sentiment" is required' }]);
    expect(errorsOf(schema, undefined)).toHaveLength(1);
  });
});

describe("multi_choice", () => {
  const schema = valueSchemaFor(topics);
  it("accepts distinct keys and the empty array", () => {
    expect(schema.parse(["sports", "politics"])).toEqual(["sports", "politics"]);
    expect(schema.parse([])).toEqual([]);
  });
  it("rejects duplicates with the index in the path", () => {
    expect(errorsOf(schema, ["sports", "tech", "sports"])).toEqual([
      { path: "2", message: '"sports" is selected twice' },
    ]);
  });
  it("rejects unknown keys and a bare string", () => {
    expect(errorsOf(schema, ["sports", "music"]).map((e) => e.path)).toEqual(["1"]);
    expect(errorsOf(schema, "sports")[0]?.message).toMatch(/array of option keys/);
  });
});

describe("rating", () => {
  const schema = valueSchemaFor(quality);
  it("accepts integers in [min, max]", () => {
    expect(schema.parse(1)).toBe(1);
    expect(schema.parse(5)).toBe(5);
  });
  it.each([[0], [6], [2.5], ["3"], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects %j", (v) => {
    expect(errorsOf(schema, v)).toEqual([{ path: "", message: "must be an integer from 1 to 5" }]);
  });
});

describe("spans", () => {
  const item = { data: { text: "Ada Lovelace met Babbage in London." } };
  const schema = valueSchemaFor(ner, item);
  it("accepts spans inside the text, including overlapping spans of different labels", () => {
    const value = [
      { start: 0, end: 12, label: "PER" },
      { start: 0, end: 3, label: "LOC" },
      { start: 28, end: 34, label: "LOC" },
    ];
    expect(schema.parse(value)).toEqual(value);
    expect(schema.parse([])).toEqual([]);
  });
  it("rejects an end past the text length (UTF-16 code units)", () => {
    expect(errorsOf(schema, [{ start: 30, end: 36, label: "LOC" }])).toEqual([
      { path: "0.end", message: "end 36 is past the end of the text (length 35)" },
    ]);
    expect(schema.parse([{ start: 30, end: 35, label: "LOC" }])).toHaveLength(1);
  });
  it("does not check bounds without an item", () => {
    expect(valueSchemaFor(ner).parse([{ start: 0, end: 9999, label: "PER" }])).toHaveLength(1);
  });
  it("rejects start >= end, negative and fractional offsets", () => {
    expect(errorsOf(schema, [{ start: 3, end: 3, label: "PER" }])).toEqual([
      { path: "0.end", message: "end must be greater than start" },
    ]);
    expect(errorsOf(schema, [{ start: -1, end: 3, label: "PER" }]).map((e) => e.path)).toEqual(["0.start"]);
    expect(errorsOf(schema, [{ start: 0, end: 2.5, label: "PER" }]).map((e) => e.path)).toEqual(["0.end"]);
  });
  it("rejects unknown labels, extra fields and exact duplicates", () => {
    expect(errorsOf(schema, [{ start: 0, end: 3, label: "ORG" }]).map((e) => e.path)).toEqual(["0.label"]);
    expect(errorsOf(schema, [{ start: 0, end: 3, label: "PER", note: 1 }]).map((e) => e.path)).toEqual([
      "0.note",
    ]);
    const dup = { start: 0, end: 3, label: "PER" };
    expect(errorsOf(schema, [dup, { ...dup }])).toEqual([{ path: "1", message: "duplicate span" }]);
  });
  it("rejects offsets that split a surrogate pair", () => {
    const emoji = valueSchemaFor(ner, { data: { text: "hi 😀 there" } });
    expect(emoji.parse([{ start: 3, end: 5, label: "PER" }])).toHaveLength(1);
    expect(errorsOf(emoji, [{ start: 4, end: 5, label: "PER" }]).map((e) => e.path)).toEqual(["0.start"]);
  });
  it("rejects spans when the item has no text in the field", () => {
    const noText = valueSchemaFor(ner, { data: { body: "x" } });
    expect(errorsOf(noText, [{ start: 0, end: 1, label: "PER" }])[0]?.message).toMatch(
      /no text in field "text"/,
    );
    expect(noText.parse([])).toEqual([]);
  });
});

describe("pairwise", () => {
  it("accepts A, B and tie", () => {
    const schema = valueSchemaFor(pref);
    for (const v of ["A", "B", "tie"]) expect(schema.parse(v)).toBe(v);
    expect(errorsOf(schema, "a")[0]?.message).toBe('must be "A", "B" or "tie"');
  });
  it("rejects tie when not allowed", () => {
    const schema = valueSchemaFor(prefNoTie);
    expect(schema.parse("B")).toBe("B");
    expect(errorsOf(schema, "tie")[0]?.message).toMatch(/ties are not allowed for "pref"/);
  });
});

describe("free_text", () => {
  const schema = valueSchemaFor(note);
  it("accepts a string up to maxLength", () => {
    expect(schema.parse("0123456789")).toBe("0123456789");
  });
  it("rejects longer strings, blanks (when required) and non-strings", () => {
    expect(errorsOf(schema, "01234567890")[0]?.message).toBe("must be at most 10 characters");
    expect(errorsOf(schema, "   ")[0]?.message).toBe("must not be blank");
    expect(errorsOf(schema, 5)).toHaveLength(1);
  });
  it("accepts an empty string when optional", () => {
    const optional = valueSchemaFor({ ...note, required: false });
    expect(optional.parse("")).toBe("");
  });
});

describe("optional definitions", () => {
  it("parse null and absent to null, and still validate given values", () => {
    const schema = valueSchemaFor({ ...quality, required: false });
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse(3)).toBe(3);
    expect(errorsOf(schema, 9)).toHaveLength(1);
  });
});
