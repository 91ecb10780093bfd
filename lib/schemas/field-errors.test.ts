import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFieldErrors } from "@/lib/schemas/field-errors";

describe("toFieldErrors", () => {
  const schema = z.object({ a: z.object({ b: z.number({ error: "b must be a number" }) }) }).strict();

  it("dot-joins paths", () => {
    const result = schema.safeParse({ a: { b: "x" } });
    expect(result.success ? [] : toFieldErrors(result.error)).toEqual([
      { path: "a.b", message: "b must be a number" },
    ]);
  });

  it("expands unknown keys into one entry each and applies a prefix", () => {
    const result = schema.safeParse({ a: { b: 1 }, x: 1, y: 2 });
    expect(result.success ? [] : toFieldErrors(result.error.issues, ["body"])).toEqual([
      { path: "body.x", message: 'unknown field "x"' },
      { path: "body.y", message: 'unknown field "y"' },
    ]);
  });
});
