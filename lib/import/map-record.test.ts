import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TMapResult } from "./import-types";
import { MAX_RECORD_DATA_BYTES, mapRecord } from "./map-record";
import { ZImportItemRecord } from "./record-schema";

function errorsOf(result: TMapResult): { path: string; message: string }[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.record)}`);
  return result.errors;
}

function recordOf(result: TMapResult) {
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.errors)}`);
  return result.record;
}

describe("mapRecord in API mode", () => {
  it("maps a full record and hashes the canonical JSON of data", () => {
    const data = { text: "Hello", meta: { b: 2, a: 1 } };
    const record = recordOf(
      mapRecord({ externalId: "x-1", data, priority: 5, predictions: { sentiment: "positive" } }, 1),
    );
    expect(record).toEqual({
      externalId: "x-1",
      data,
      priority: 5,
      predictions: { sentiment: "positive" },
      contentHash: createHash("sha256").update(canonicalJson(data)).digest("hex"),
      dataJson: '{"meta":{"a":1,"b":2},"text":"Hello"}',
    });
  });

  it("defaults the optional fields, also when they are null", () => {
    const expected = { externalId: null, priority: 0, predictions: null };
    expect(recordOf(mapRecord({ data: { t: "a" } }, 1))).toMatchObject(expected);
    expect(
      recordOf(mapRecord({ data: { t: "a" }, externalId: null, priority: null, predictions: null }, 1)),
    ).toMatchObject(expected);
  });

  it("gives the same contentHash whatever the key order", () => {
    const a = recordOf(mapRecord({ data: { a: 1, b: { c: [1, 2], d: "x" } } }, 1));
    const b = recordOf(mapRecord({ data: { b: { d: "x", c: [1, 2] }, a: 1 } }, 2));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a numeric externalId as its decimal text, but not one too large to be exact", () => {
    expect(recordOf(mapRecord({ externalId: 42, data: {} }, 1)).externalId).toBe("42");
    expect(recordOf(mapRecord({ externalId: 1.5, data: {} }, 1)).externalId).toBe("1.5");
    expect(errorsOf(mapRecord({ externalId: 12345678901234567890, data: {} }, 1))).toEqual([
      {
        path: "externalId",
        message: expect.stringMatching(/too large to be exact as a number: send it as a string$/),
      },
    ]);
  });

  it("names each field of the wrong type", () => {
    const result = mapRecord({ externalId: true, data: [1], priority: "5", predictions: [] }, 7);
    expect(result).toEqual({
      ok: false,
      line: 7,
      errors: [
        { path: "data", message: "data must be an object, got an array" },
        { path: "externalId", message: "externalId must be a string or a number, got a boolean" },
        { path: "priority", message: 'priority must be an integer from -1000000 to 1000000, got "5"' },
        {
          path: "predictions",
          message: "predictions must be an object keyed by label definition key, got an array",
        },
      ],
    });
  });

  it("checks externalId length and priority range", () => {
    expect(errorsOf(mapRecord({ externalId: "x".repeat(201), data: {} }, 1))).toEqual([
      { path: "externalId", message: "externalId must be at most 200 characters, got 201" },
    ]);
    expect(recordOf(mapRecord({ externalId: "x".repeat(200), data: {} }, 1)).externalId).toHaveLength(200);
    expect(errorsOf(mapRecord({ externalId: "", data: {} }, 1))[0].message).toMatch(/must not be empty/);
    expect(recordOf(mapRecord({ data: {}, priority: -1_000_000 }, 1)).priority).toBe(-1_000_000);
    expect(errorsOf(mapRecord({ data: {}, priority: 1_000_001 }, 1))[0].path).toBe("priority");
    expect(errorsOf(mapRecord({ data: {}, priority: 1.5 }, 1))[0].message).toMatch(/got 1\.5$/);
  });

  it("names unknown top-level fields and a missing data", () => {
    expect(errorsOf(mapRecord({ text: "hi", id: 1 }, 3))).toEqual([
      { path: "text", message: expect.stringMatching(/^unknown field: .*put item fields inside data$/) },
      { path: "id", message: expect.stringMatching(/^unknown field/) },
      { path: "data", message: "missing: a record is {externalId?, data, priority?, predictions?}" },
    ]);
  });

  it("keeps predictions and checks their keys are definition keys", () => {
    const predictions = { sentiment: "negative", spans: [{ start: 0, end: 4, label: "PER" }] };
    expect(recordOf(mapRecord({ data: { t: "John" }, predictions }, 1)).predictions).toEqual(predictions);
    expect(errorsOf(mapRecord({ data: {}, predictions: { "Bad Key": 1 } }, 1))).toEqual([
      { path: "predictions.Bad Key", message: expect.stringMatching(/^not a label definition key/) },
    ]);
  });

  it("requires the text fields a definition reads to be non-empty strings", () => {
    const mapping = { textFieldsRequired: ["text"] };
    expect(recordOf(mapRecord({ data: { text: "ok" } }, 1, mapping)).data).toEqual({ text: "ok" });
    expect(errorsOf(mapRecord({ data: { other: "x" } }, 1, mapping))).toEqual([
      { path: "data.text", message: "missing text field 'text'" },
    ]);
    expect(errorsOf(mapRecord({ data: { text: 5 } }, 1, mapping))).toEqual([
      { path: "data.text", message: "text field 'text' must be a string, got a number" },
    ]);
    expect(errorsOf(mapRecord({ data: { text: " \n " } }, 1, mapping))).toEqual([
      { path: "data.text", message: "text field 'text' is empty" },
    ]);
  });

  it("rejects data over 1 MiB as canonical JSON, counting UTF-8 bytes", () => {
    const ascii = "x".repeat(MAX_RECORD_DATA_BYTES - 20);
    expect(recordOf(mapRecord({ data: { t: ascii } }, 1)).data.t).toBe(ascii);
    const wide = "é".repeat(MAX_RECORD_DATA_BYTES / 2); // 2 bytes each: just over the limit with the quotes
    expect(errorsOf(mapRecord({ data: { t: wide } }, 1))).toEqual([
      {
        path: "data",
        message: expect.stringMatching(/^data is too large: 10485\d\d bytes as JSON, the limit is 1048576/),
      },
    ]);
  });

  it("rejects numbers JSON.parse turned into Infinity", () => {
    expect(errorsOf(mapRecord(JSON.parse('{"data":{"x":1e999}}'), 1))).toEqual([
      { path: "data", message: "data cannot be stored as JSON: Infinity is not a JSON number" },
    ]);
  });

  it("agrees with ZImportItemRecord on which records have a valid shape", () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string({ maxLength: 3 }),
      fc.constantFrom("x".repeat(200), "x".repeat(201), "", "sentiment", "Bad"),
      fc.integer({ min: -2_000_000, max: 2_000_000 }),
      fc.constantFrom(1.5, 2 ** 60, -0),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom("sentiment", "topic", "Bad Key", "x"), fc.jsonValue(), { maxKeys: 2 }),
    );
    const record = fc.record(
      { externalId: field, data: field, priority: field, predictions: field, extra: field },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(record, (raw) => {
        const input = JSON.parse(JSON.stringify(raw)) as unknown;
        expect(mapRecord(input, 1).ok).toBe(ZImportItemRecord.safeParse(input).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("mapRecord in mapping mode (UI / CSV)", () => {
  const row = { id: "a-1", text: "Hello", lang: "en", prio: " 5 ", preds: '{"sentiment":"positive"}' };
  const mapping = { externalIdField: "id", priorityField: "prio", predictionsField: "preds" };

  it("builds data from every field but the id, priority and predictions fields", () => {
    const record = recordOf(mapRecord(row, 2, mapping));
    expect(record).toMatchObject({
      externalId: "a-1",
      data: { text: "Hello", lang: "en" },
      priority: 5,
      predictions: { sentiment: "positive" },
    });
    expect(Object.keys(record.data)).toEqual(["text", "lang"]);
  });

  it("builds data from the chosen fields only", () => {
    const record = recordOf(mapRecord(row, 2, { ...mapping, dataFields: ["text", "id"] }));
    expect(record.data).toEqual({ text: "Hello", id: "a-1" });
  });

  it("parses priority text: blank is 0, an integer is taken, anything else names the field", () => {
    const withPrio = (prio: unknown) => mapRecord({ ...row, prio }, 4, mapping);
    expect(recordOf(withPrio("")).priority).toBe(0);
    expect(recordOf(withPrio("-12")).priority).toBe(-12);
    expect(recordOf(withPrio("3.0")).priority).toBe(3);
    expect(recordOf(withPrio(7)).priority).toBe(7);
    expect(errorsOf(withPrio("x"))).toEqual([
      {
        path: "prio",
        message: "priority field 'prio' must be an integer from -1000000 to 1000000, got \"x\"",
      },
    ]);
    expect(errorsOf(withPrio("2.5"))[0].path).toBe("prio");
  });

  it("treats a blank id cell as no id and a blank predictions cell as none", () => {
    const record = recordOf(mapRecord({ ...row, id: "  ", preds: "" }, 2, mapping));
    expect(record.externalId).toBeNull();
    expect(record.predictions).toBeNull();
  });

  it("reports predictions text that is not JSON, naming the field", () => {
    expect(errorsOf(mapRecord({ ...row, preds: "{positive}" }, 2, mapping))).toEqual([
      { path: "preds", message: expect.stringMatching(/^predictions field 'preds' is not valid JSON: /) },
    ]);
  });

  it("copies a field named __proto__ as data, without touching the prototype", () => {
    const raw = JSON.parse('{"__proto__":{"polluted":true},"text":"t"}') as Record<string, unknown>;
    const record = recordOf(mapRecord(raw, 1, { dataFields: "*" }));
    expect(Object.getPrototypeOf(record.data)).toBe(Object.prototype);
    expect(Object.keys(record.data)).toEqual(["__proto__", "text"]);
    expect(record.dataJson).toBe('{"__proto__":{"polluted":true},"text":"t"}');
  });

  it("applies the required text fields to the mapped data", () => {
    expect(
      errorsOf(mapRecord({ ...row, text: "" }, 9, { ...mapping, textFieldsRequired: ["text"] })),
    ).toEqual([{ path: "data.text", message: "text field 'text' is empty" }]);
  });
});
