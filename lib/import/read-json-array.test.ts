import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutAt, readAll, readChunked } from "@/lib/testing/test-input";

describe("reading a JSON array", () => {
  it("finds each element, with the line where it starts", async () => {
    const text = '[\n  {"a": 1},\n  {"a": 2}, {"a": 3},\n\n  {\n    "a": 4\n  }\n]\n';
    expect(await readChunked(text, "json")).toEqual([
      { line: 2, raw: { a: 1 } },
      { line: 3, raw: { a: 2 } },
      { line: 3, raw: { a: 3 } },
      { line: 5, raw: { a: 4 } },
    ]);
  });

  it("is not fooled by brackets, braces, commas and escaped quotes inside strings", async () => {
    const tricky = { t: 'a "quoted" ] } [ { , word \\ and \\" more', n: [[1, [2]], { x: "]" }], e: "" };
    const text = `[${JSON.stringify(tricky)},{"b":"\\\\"},{"c":"\\"]"}]`;
    expect(await readChunked(text, "json")).toEqual([
      { line: 1, raw: tricky },
      { line: 1, raw: { b: "\\" } },
      { line: 1, raw: { c: '"]' } },
    ]);
  });

  it("reads nested arrays and objects as one element each", async () => {
    const text = '[{"data":{"spans":[[0,5],[6,9]],"deep":{"a":{"b":[{"c":[]}]}}}},{"data":{}}]';
    const entries = await readChunked(text, "json");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      line: 1,
      raw: {
        data: {
          spans: [
            [0, 5],
            [6, 9],
          ],
          deep: { a: { b: [{ c: [] }] } },
        },
      },
    });
  });

  it("handles a BOM, CRLF, multi-byte text and an empty array", async () => {
    expect(await readChunked('\uFEFF[\r\n{"t":"日本語 😀"},\r\n{"t":"ü"}\r\n]', "json")).toEqual([
      { line: 2, raw: { t: "日本語 😀" } },
      { line: 3, raw: { t: "ü" } },
    ]);
    expect(await readChunked(" [ ] \n", "json")).toEqual([]);
  });

  it("reports a bad element with its line and reads on", async () => {
    const text = '[\n{"a":1},\n{"a":},\n{"a":3},\n42,\n{"a" 5}\n]';
    const entries = await readChunked(text, "json");
    expect(entries[0]).toEqual({ line: 2, raw: { a: 1 } });
    expect(entries[1]).toMatchObject({ line: 3, fatal: false });
    expect((entries[1] as { error: string }).error).toMatch(/^invalid JSON: /);
    expect(entries[2]).toEqual({ line: 4, raw: { a: 3 } });
    expect(entries[3]).toEqual({
      line: 5,
      error: "a record must be a JSON object, got a number",
      fatal: false,
    });
    expect(entries[4]).toMatchObject({ line: 6, fatal: false });
    expect(entries).toHaveLength(5);
  });

  it("reports stray and trailing commas as record errors", async () => {
    expect(await readChunked('[{"a":1},,\n{"a":2},\n]', "json")).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 1, error: "an empty element (a stray comma)", fatal: false },
      { line: 2, raw: { a: 2 } },
      { line: 2, error: "a comma after the last element", fatal: false },
    ]);
  });

  it("ends with one fatal error when the input is not an array", async () => {
    expect(await readChunked('{"data":{}}\n{"data":{}}\n', "json")).toEqual([
      {
        line: 1,
        error:
          "expected a JSON array of records starting with '[', got \"{\" (one object per line is JSONL: send it as application/x-ndjson)",
        fatal: true,
      },
    ]);
    expect(await readChunked("\n\n  hello", "json")).toEqual([
      { line: 3, error: "expected a JSON array of records starting with '[', got \"h\"", fatal: true },
    ]);
    expect(await readChunked("  \n", "json")).toEqual([
      { line: 2, error: "the input is empty: expected a JSON array of records", fatal: true },
    ]);
  });

  it("ends with a fatal error when the array is not closed, after the complete elements", async () => {
    const entries = await readChunked('[\n{"a":1},\n{"a":2},\n{"a":"unfinished', "json");
    expect(entries).toEqual([
      { line: 2, raw: { a: 1 } },
      { line: 3, raw: { a: 2 } },
      {
        line: 4,
        error:
          "unexpected end of input: the JSON array opened on line 1 is not closed (the element starting on line 4 is incomplete)",
        fatal: true,
      },
    ]);
    expect((await readChunked('[{"a":1},\n', "json")).at(-1)).toEqual({
      line: 2,
      error: "unexpected end of input: the JSON array opened on line 1 is not closed (no closing ']')",
      fatal: true,
    });
  });

  it("ends with a fatal error on text after the closing bracket", async () => {
    expect(await readChunked('[{"a":1}]\n[{"a":2}]', "json")).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 2, error: 'unexpected text after the end of the JSON array: "["', fatal: true },
    ]);
  });

  it("skips an over-long element and reads on", async () => {
    const text = `[{"a":1},{"t":"${"x".repeat(200)}"},{"a":3}]`;
    expect(await readChunked(text, "json", { maxRecordChars: 64 })).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 1, error: "the record is longer than 64 characters and was skipped", fatal: false },
      { line: 1, raw: { a: 3 } },
    ]);
  });

  it("finds exactly the elements JSON.parse finds, with their lines, however the text is cut", async () => {
    const text = fc.string({ unit: "grapheme" });
    const tricky = fc.constantFrom('"', "\\", '\\"', "]", "}", "[", "{", ",", "\n", "\u2028", "😀");
    const value = fc.oneof(text, tricky, fc.jsonValue({ maxDepth: 3 }));
    const element = fc.dictionary(fc.oneof(text, tricky), value, { maxKeys: 4 });
    const gap = fc.constantFrom("", " ", "\n", "\r\n", "\t", "\n\n  ");
    const layout = fc.array(fc.record({ element, before: gap, after: gap, indent: fc.constantFrom(0, 2) }), {
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(layout, fc.array(fc.nat(), { maxLength: 30 }), async (items, cutPoints) => {
        let source = "[";
        const expected = items.map((item, k) => {
          source += item.before;
          const line = source.split("\n").length;
          source +=
            JSON.stringify(item.element, null, item.indent) + item.after + (k < items.length - 1 ? "," : "");
          return { line, raw: JSON.parse(JSON.stringify(item.element)) as unknown };
        });
        source += "]";
        const size = Buffer.byteLength(source);
        const entries = await readAll(
          cutAt(
            source,
            cutPoints.map((cut) => cut % size),
          ),
          "json",
        );
        expect(entries).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
