import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZLabelDefinitionSpec } from "./definition-spec";
import type { TLabelDefinitionSpec } from "./definition-spec";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { TFieldError } from "@/lib/schemas/field-errors";
import { submissionSchemaFor } from "./value-schema";

function spec(input: unknown): TLabelDefinitionSpec {
  return ZLabelDefinitionSpec.parse(input);
}

const specs = [
  spec({ key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] }),
  spec({ key: "ner", kind: "spans", options: [{ key: "PER" }] }),
  spec({ key: "comment", kind: "free_text", required: false }),
];
const item = { data: { text: "Ada" } };
const schema = submissionSchemaFor(specs, item);

function errorsOf(body: unknown): TFieldError[] {
  const result = schema.safeParse(body);
  return result.success ? [] : toFieldErrors(result.error);
}

describe("submissionSchemaFor", () => {
  it("accepts a full submission and fills skipped optional values with null", () => {
    const body = { values: { sentiment: "pos", ner: [{ start: 0, end: 3, label: "PER" }] } };
    expect(schema.parse(body)).toEqual({ values: { ...body.values, comment: null } });
    expect(schema.parse({ values: { ...body.values, comment: null } }).values.comment).toBeNull();
    expect(schema.parse({ values: { ...body.values, comment: "ok" } }).values.comment).toBe("ok");
  });

  it("rejects a missing required value with path values.<key>", () => {
    expect(errorsOf({ values: { ner: [] } })).toEqual([
      { path: "values.sentiment", message: 'a value for "sentiment" is required' },
    ]);
    expect(errorsOf({ values: { sentiment: null, ner: [] } })).toEqual([
      { path: "values.sentiment", message: 'a value for "sentiment" is required' },
    ]);
  });

  it("rejects unknown definition keys with path values.<key>", () => {
    const body = { values: { sentiment: "pos", ner: [], topic: "x" } };
    expect(errorsOf(body)).toEqual([{ path: "values.topic", message: 'unknown field "topic"' }]);
    const raw = schema.safeParse(body);
    expect(raw.success ? "" : raw.error.issues[0]?.message).toBe(
      "not a label definition of this project: topic",
    );
  });

  it("names nested fields of invalid values", () => {
    const body = { values: { sentiment: "pos", ner: [{ start: 0, end: 4, label: "PER" }] } };
    expect(errorsOf(body)).toEqual([
      { path: "values.ner.0.end", message: "end 4 is past the end of the text (length 3)" },
    ]);
  });

  it("rejects a body without values, a non-object values, and extra top-level fields", () => {
    expect(errorsOf({}).map((e) => e.path)).toEqual(["values"]);
    expect(errorsOf({ values: [] })).toEqual([
      { path: "values", message: "values must be an object {<definitionKey>: value}" },
    ]);
    expect(errorsOf({ values: { sentiment: "pos", ner: [] }, extra: 1 })).toEqual([
      { path: "extra", message: 'unknown field "extra"' },
    ]);
    expect(errorsOf("nope")).toEqual([{ path: "", message: "the body must be an object {values}" }]);
  });

  it("reports every bad value at once", () => {
    const errors = errorsOf({ values: { sentiment: "maybe", ner: "PER", comment: 3 } });
    expect(errors.map((e) => e.path).sort()).toEqual(["values.comment", "values.ner", "values.sentiment"]);
  });

  it("rejects duplicate definition keys as a programming error", () => {
    const first = specs[0];
    if (first === undefined) throw new Error("fixture");
    expect(() => submissionSchemaFor([first, first])).toThrow(/duplicate definition key/);
  });

  it("can be extended with more top-level fields", () => {
    const extended = schema.extend({ clientId: z.string().optional() });
    const body = { values: { sentiment: "neg", ner: [] }, clientId: "c1" };
    expect(extended.parse(body)).toEqual({ ...body, values: { ...body.values, comment: null } });
  });
});
