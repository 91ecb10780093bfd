import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { SAMPLE_PROMPT, SAMPLE_SIDE_A, SAMPLE_SIDE_B, SAMPLE_TEXT, previewItemFor } from "./preview-item";

describe("previewItemFor", () => {
  it("puts the sample text in the spans text field", () => {
    const spec = normalizeDefinition({
      key: "e",
      kind: "spans",
      options: [{ key: "PER" }],
      textField: "body",
    });
    expect(previewItemFor(spec)).toEqual({ data: { body: SAMPLE_TEXT } });
  });

  it("fills both pairwise sides and the prompt", () => {
    const spec = normalizeDefinition({ key: "p", kind: "pairwise", textField: "q" });
    expect(previewItemFor(spec)).toEqual({ data: { a: SAMPLE_SIDE_A, b: SAMPLE_SIDE_B, q: SAMPLE_PROMPT } });
  });

  it("uses the lead's sample item as given", () => {
    const spec = normalizeDefinition({ key: "e", kind: "spans", options: [{ key: "PER" }] });
    const sample = { data: { body: "x" } };
    expect(previewItemFor(spec, sample)).toBe(sample);
  });
});
