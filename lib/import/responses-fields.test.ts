import { describe, expect, it } from "vitest";
import { mapRecord } from "./map-record";

const mapping = { responsesFieldsRequired: ["responses"] };

describe("import: the responses a ranking orders", () => {
  it("takes an item whose responses field holds 2..12 strings", () => {
    const result = mapRecord({ data: { prompt: "p", responses: ["a", "b", "c"] } }, 1, mapping);
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ prompt: "p" }, /must be an array of strings .*got nothing/],
    [{ responses: "a, b" }, /must be an array of strings .*got a string/],
    [{ responses: ["a", 2] }, /must be an array of strings/],
    [{ responses: ["only one"] }, /must hold 2 to 12 responses, got 1/],
    [{ responses: Array.from({ length: 13 }, (_, i) => `r${i}`) }, /got 13/],
  ])("refuses %j, naming the field and the line", (data, message) => {
    const result = mapRecord({ data }, 7, mapping);
    expect(result).toEqual({
      ok: false,
      line: 7,
      errors: [{ path: "data.responses", message: expect.stringMatching(message) }],
    });
  });

  it("checks the same in mapping mode (flat records, e.g. a CSV or a picked set of fields)", () => {
    const result = mapRecord({ id: "x", responses: "nope" }, 3, { ...mapping, externalIdField: "id" });
    expect(result).toMatchObject({ ok: false, line: 3, errors: [{ path: "data.responses" }] });
  });
});
