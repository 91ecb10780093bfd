import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { fieldsRenderedBy, splitItemFields } from "./rendered-fields";

describe("fieldsRenderedBy", () => {
  it("lists the fields shown by spans and pairwise definitions", () => {
    const specs = [
      normalizeDefinition({ key: "ents", kind: "spans", options: [{ key: "PER" }], textField: "body" }),
      normalizeDefinition({
        key: "pref",
        kind: "pairwise",
        textFields: ["left", "right"],
        textField: "prompt",
      }),
      normalizeDefinition({ key: "note", kind: "free_text" }),
    ];
    expect(fieldsRenderedBy(specs).sort()).toEqual(["body", "left", "prompt", "right"]);
  });
});

describe("splitItemFields", () => {
  it("shows long or multi-line strings as texts and the rest as a table, minus hidden fields", () => {
    const data = {
      text: "x".repeat(100),
      poem: "a\nb",
      lang: "en",
      score: 3,
      meta: { a: 1 },
      body: "y".repeat(90),
    };
    const { texts, others } = splitItemFields(data, ["body"]);
    expect(texts.map(([field]) => field)).toEqual(["text", "poem"]);
    expect(others.map(([field]) => field)).toEqual(["lang", "score", "meta"]);
  });

  it("always treats the named text fields as texts", () => {
    expect(splitItemFields({ title: "Short", lang: "en" }, [], ["title"]).texts).toEqual([
      ["title", "Short"],
    ]);
  });
});
