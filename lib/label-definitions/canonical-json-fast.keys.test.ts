import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { canonicalJsonFast } from "./canonical-json-fast";

/** Keys that trip up shortcuts: integer-like ones enumerate first, "__proto__" is special. */
const trickyKey = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toJSON",
    "0",
    "1",
    "2",
    "10",
    "01",
    "-1",
    "1.5",
    "4294967295",
    "",
    "é",
    "😀",
    "Z",
    "a",
  ),
);

const jsonLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(trickyKey, tie("value"), { maxKeys: 6 }),
  ),
})).value;

describe("canonicalJsonFast", () => {
  it("gives exactly the text of canonicalJson for JSON values", () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        expect(canonicalJsonFast(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives exactly the text of canonicalJson for what JSON.parse returns", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJsonFast(parsed)).toBe(canonicalJson(parsed));
      }),
      { numRuns: 1000 },
    );
  });

  it("sorts keys at every depth and ignores input order", () => {
    const a = JSON.parse('{"b":1,"a":{"z":[{"y":1,"x":2}],"c":null},"10":0,"9":0,"__proto__":{"k":1}}');
    const b = JSON.parse('{"__proto__":{"k":1},"9":0,"a":{"c":null,"z":[{"x":2,"y":1}]},"10":0,"b":1}');
    const expected = '{"10":0,"9":0,"__proto__":{"k":1},"a":{"c":null,"z":[{"x":2,"y":1}]},"b":1}';
    expect(canonicalJsonFast(a)).toBe(expected);
    expect(canonicalJsonFast(b)).toBe(expected);
  });

  it("returns already-canonical input unchanged and throws like canonicalJson on non-JSON numbers", () => {
    expect(canonicalJsonFast({ a: 1, b: [1, "x"], c: { d: true } })).toBe(
      '{"a":1,"b":[1,"x"],"c":{"d":true}}',
    );
    expect(() => canonicalJsonFast({ a: Infinity })).toThrow(TypeError);
  });
});
