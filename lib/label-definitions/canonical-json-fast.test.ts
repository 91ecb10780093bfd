import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { canonicalJson } from "./canonical-json";

import { canonicalJsonFast } from "./canonical-json-fast";

/** JSON values whose objects have keys in random insertion order, including awkward keys. */
const awkwardKey = fc.oneof(
  fc.string(),
  fc.constantFrom("2", "10", "01", "__proto__", "", "a", "B", "é", "\u{1F600}", "toJSON", "constructor"),
);
const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: "binary" }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(awkwardKey, tie("value")), { maxLength: 5 }).map((entries) => {
      const record: Record<string, unknown> = {};
      for (const [key, value] of entries)
        Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
      return record;
    }),
  ),
})).value;

describe("canonicalJsonFast", () => {
  it("writes exactly what canonicalJson writes", () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        expect(canonicalJsonFast(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("sorts keys at every depth, integer-like keys as strings", () => {
    expect(canonicalJsonFast({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, 10: "x", 2: "y" })).toBe(
      '{"10":"x","2":"y","a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it("returns the input's own text when it is already canonical", () => {
    expect(canonicalJsonFast({ a: [1, "x"], b: { c: true } })).toBe('{"a":[1,"x"],"b":{"c":true}}');
  });

  it("takes the general path for toJSON, undefined and class instances, and throws where it throws", () => {
    expect(canonicalJsonFast({ b: new Date(0), a: undefined })).toBe('{"b":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJsonFast([undefined, 1])).toBe("[null,1]");
    expect(() => canonicalJsonFast({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJsonFast([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJsonFast({ a: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJsonFast(cyclic)).toThrow(/cyclic/);
  });

  it("handles nesting deeper than its fast path", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { b: deep, a: i };
    expect(canonicalJsonFast(deep)).toBe(canonicalJson(deep));
  });
});
