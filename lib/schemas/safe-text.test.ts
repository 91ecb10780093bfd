import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUnsafeText, jsonDeeperThan, unsafeTextReason } from "./safe-text";

describe("unsafeTextReason", () => {
  it("refuses NUL and lone surrogates, and accepts paired ones", () => {
    expect(unsafeTextReason("a\u0000b")).toMatch(/NUL/);
    expect(unsafeTextReason("\ud800")).toMatch(/surrogate/);
    expect(unsafeTextReason("x\udfff")).toMatch(/surrogate/);
    expect(unsafeTextReason("😀 naïve \u0001")).toBeNull();
  });
});

describe("findUnsafeText", () => {
  it("names the first bad string or key by its path", () => {
    expect(findUnsafeText({ a: [1, { b: "\u0000" }] })).toEqual({
      path: "a.1.b",
      message: expect.stringMatching(/NUL/),
    });
    expect(findUnsafeText({ values: { "k\ud800": 1 } })?.path).toBe('values."k\\ud800"');
    expect(findUnsafeText("\u0000")?.path).toBe("(body)");
    expect(findUnsafeText({ ok: ["fine", 1, null, true] })).toBeNull();
  });
});

describe("jsonDeeperThan", () => {
  it("agrees with the depth of the parsed value, brackets inside strings aside", () => {
    const depth = (v: unknown): number =>
      v && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v as object).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(jsonDeeperThan(JSON.stringify(value), max)).toBe(depth(value) > max);
      }),
    );
    expect(jsonDeeperThan('{"a":"[[[[\\"[[["}', 1)).toBe(false);
    expect(jsonDeeperThan("[".repeat(5000), 64)).toBe(true);
  });
});
