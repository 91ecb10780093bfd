import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => shuffleKeys(v, seed));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]);
  rotated.reverse();
  const out: Record<string, unknown> = {};
  for (const entry of rotated) {
    if (entry === undefined) continue;
    Object.defineProperty(out, entry[0], {
      value: shuffleKeys(entry[1], seed),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe("canonicalJson", () => {
  it("sorts keys recursively and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: "x y" } })).toBe(
      '{"a":{"c":"x y","d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("serializes scalars like JSON.stringify", () => {
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(-0)).toBe("0");
    expect(canonicalJson(1e21)).toBe("1e+21");
    expect(canonicalJson('quote " and \u2028')).toBe(JSON.stringify('quote " and \u2028'));
  });

  it("drops undefined properties and maps undefined array items to null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it("honours toJSON", () => {
    expect(canonicalJson({ at: new Date("2024-01-02T03:04:05.000Z") })).toBe(
      '{"at":"2024-01-02T03:04:05.000Z"}',
    );
  });

  it("throws on non-JSON values and cycles", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });

  it("allows repeated (non-cyclic) references", () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it("property: key order does not change the output", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(20), (value, seed) => {
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it("property: JSON.parse(canonicalJson(x)) deep-equals x for JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Compared with JSON's own round trip, which turns -0 into 0 as any JSON text must.
        expect(JSON.parse(canonicalJson(value))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("property: matches JSON.stringify up to key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
        expect(text.length).toBe(JSON.stringify(value).length);
      }),
    );
  });
});
