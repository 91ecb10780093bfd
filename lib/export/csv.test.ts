import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { csvField, csvHeader, csvRowEncoder, csvStream, csvValue } from "./csv";
import { guardCsvCell } from "./csv-cell-guard";
import type { TExportRow } from "./export-row";
import { collectBytes } from "./text-chunks";
import { fromArray, TEST_COLUMNS, testRow, testRows } from "@/lib/testing/test-rows";

const row = (patch: Partial<TExportRow>): TExportRow => ({
  itemId: "1",
  externalId: null,
  data: {},
  labels: {},
  ...patch,
});

async function csvText(rows: TExportRow[], columns = { data: ["text"], labels: ["l"] }, annotations = false) {
  return (await collectBytes(csvStream(fromArray(rows), { columns, annotations }))).toString("utf8");
}

/** Cells as csv-parse reads them, with quoted empty fields marked as '""'. */
function parseCsv(text: string): string[][] {
  return parse(text, {
    cast: (value, context) => (value === "" && context.quoting ? '""' : value),
  }) as string[][];
}

describe("csv fields", () => {
  it("quotes fields with commas, quotes, newlines and carriage returns, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" spaced ")).toBe(" spaced ");
    expect(csvField("naïve — 日本語 😀")).toBe("naïve — 日本語 😀");
  });

  it('writes null as empty, the empty string as "", other values as canonical JSON', () => {
    expect(csvValue(null)).toBe("");
    expect(csvValue(undefined)).toBe("");
    expect(csvValue("")).toBe('""');
    expect(csvValue(3)).toBe("3");
    expect(csvValue(2.5)).toBe("2.5");
    expect(csvValue(true)).toBe("true");
    expect(csvValue(["a", "b"])).toBe('"[""a"",""b""]"');
    expect(csvValue([{ start: 1, end: 2 }])).toBe('"[{""end"":2,""start"":1}]"');
    expect(csvValue({ b: 1, a: "x" })).toBe('"{""a"":""x"",""b"":1}"');
  });
});

describe("csvStream", () => {
  it("writes the header, then one line per row, ending in \\n", async () => {
    const text = await csvText([
      row({ itemId: "1", externalId: "e,1", data: { text: 'He said "no",\nthen left' }, labels: { l: "x" } }),
      row({ itemId: "2", data: { text: "" }, labels: { l: ["a", "b"] } }),
      row({ itemId: "3", externalId: "ü😀", labels: { l: null } }),
    ]);
    expect(text).toBe(
      "item_id,external_id,data.text,label.l\n" +
        '1,"e,1","He said ""no"",\nthen left",x\n' +
        '2,,"",\"[""a"",""b""]"\n' +
        "3,ü😀,,\n",
    );
    expect(parseCsv(text)).toEqual([
      ["item_id", "external_id", "data.text", "label.l"],
      ["1", "e,1", 'He said "no",\nthen left', "x"],
      ["2", "", '""', '["a","b"]'],
      ["3", "ü😀", "", ""],
    ]);
  });

  it("round-trips any strings through a standard parser (formula-like text with its guard)", async () => {
    const text = fc.string({ unit: "grapheme" });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }), async (cells) => {
        const rows = cells.map(([t, l], i) =>
          row({ itemId: String(i + 1), data: { text: t }, labels: { l } }),
        );
        const parsed = parseCsv(await csvText(rows));
        expect(parsed.slice(1).map((r) => [r[2], r[3]])).toEqual(
          cells.map(([t, l]) => [t === "" ? '""' : guardCsvCell(t), l === "" ? '""' : guardCsvCell(l)]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("prefixes text a spreadsheet would run as a formula with ', and leaves numbers and other text alone", async () => {
    const formulas = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\r=1"];
    const rows = formulas.map((t, i) =>
      row({ itemId: String(i + 1), externalId: t, data: { text: t }, labels: { l: -1.5 } }),
    );
    const parsed = parseCsv(await csvText(rows));
    expect(parsed.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual(
      formulas.map((t) => [`'${t}`, `'${t}`, "-1.5"]),
    );
    const plain = parseCsv(await csvText([row({ data: { text: "a=b" }, labels: { l: "'quoted" } })]));
    expect(plain[1].slice(2)).toEqual(["a=b", "'quoted"]);
  });

  it("adds the annotations column as canonical JSON and is byte-identical across runs", async () => {
    const options = { columns: TEST_COLUMNS, annotations: true };
    expect(csvHeader(options)).toEqual([
      "item_id",
      "external_id",
      "data.lang",
      "data.meta",
      "data.source",
      "data.text",
      "label.rating",
      "label.sentiment",
      "label.spans",
      "label.topics",
      "annotations",
    ]);
    const first = await collectBytes(csvStream(testRows(400, { annotations: true }), options));
    const second = await collectBytes(
      csvStream(testRows(400, { annotations: true }), { ...options, chunkChars: 999 }),
    );
    expect(first.equals(second)).toBe(true);
    const parsed = parseCsv(first.toString("utf8"));
    expect(parsed).toHaveLength(401);
    expect(JSON.parse(parsed[1][10])).toEqual([
      { annotator: "user-0", definition_versions: { sentiment: 2 }, values: { sentiment: "neg" } },
      {
        annotator: "user-1",
        definition_versions: { rating: 1, sentiment: 2 },
        values: { rating: 3, sentiment: "neu" },
      },
    ]);
    expect(parsed[1][3]).toBe(JSON.stringify({ length: 60, score: 0, tags: ["annotation"] }));
    expect(csvRowEncoder(options)(testRow(1)).endsWith(",[]\n")).toBe(true);
  });

  it("refuses keys that are not columns, duplicate columns and unsorted rows", async () => {
    await expect(csvText([row({ data: { other: 1 } })])).rejects.toThrow(/not a column/);
    await expect(csvText([row({ labels: { other: 1 } })])).rejects.toThrow(/not a column/);
    await expect(csvText([], { data: ["a", "a"], labels: [] })).rejects.toThrow(/duplicate/);
    await expect(csvText([row({ itemId: "2" }), row({ itemId: "1" })])).rejects.toThrow(/sorted/);
  });
});
