import { parquetMetadata, parquetReadObjects } from "hyparquet";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { TExportRow } from "./export-row";
import type { TParquetOptions } from "./parquet";
import { PARQUET_COLUMNS_KEY, parquetStream } from "./parquet";
import { dataCell, dataColumnKinds, dataTypeInference } from "./parquet-data-schema";
import { fromArray } from "@/lib/testing/test-rows";

const options: TParquetOptions = { columns: { labels: ["sentiment"] }, rowGroupSize: 2 };

async function write(rows: TExportRow[], rowGroupSize = 2) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of parquetStream(() => fromArray(rows), { ...options, rowGroupSize })) {
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { bytes, file };
}

function row(i: number, data: Record<string, unknown>): TExportRow {
  return { itemId: String(i + 1), externalId: null, data, labels: { sentiment: "pos" } };
}

function columnKinds(file: ArrayBuffer): Record<string, string> {
  const kv = parquetMetadata(file).key_value_metadata ?? [];
  return JSON.parse(kv.find((e) => e.key === PARQUET_COLUMNS_KEY)?.value ?? "null");
}

/** Leaf name → physical type, depth first, for the leaves under `data`. */
function leafTypes(file: ArrayBuffer): [string, string | undefined, string | undefined][] {
  return parquetMetadata(file)
    .schema.filter((element) => element.num_children === undefined)
    .map((element) => [element.name, element.type, element.converted_type]);
}

const uniform: TExportRow[] = [
  row(0, {
    text: "first",
    n: 3,
    score: 0.5,
    ok: true,
    tags: ["a", "b"],
    meta: { source: "forum", votes: [1, 2], author: { id: 7 } },
    spans: [{ start: 0, end: 4 }],
  }),
  row(1, {
    text: "second",
    n: -9007199254740991,
    score: 2, // an integer among doubles: the column stays DOUBLE
    ok: false,
    tags: [],
    meta: { source: "ticket", votes: [], author: { id: 8 } },
    spans: [],
  }),
  row(2, {
    text: "third ü",
    n: 0,
    score: -1.25,
    ok: null,
    tags: ["c", null],
    meta: { source: null, votes: [3], author: null },
    spans: [
      { start: 2, end: 3 },
      { start: 5, end: 9 },
    ],
  }),
];

const mixed: TExportRow[] = [
  row(0, { text: "a", value: 1, meta: { source: "forum", n: 1 }, list: [1, 2] }),
  row(1, { text: "b", value: "1", meta: { source: "forum", n: "one" }, list: ["x"] }),
  row(2, { text: "c", value: [1], meta: null, list: [{ k: 1 }] }),
];

describe("parquetStream: typed data columns", () => {
  it("writes a uniform dataset as typed, nested columns that read back as the rows' values", async () => {
    const { file } = await write(uniform);
    expect(columnKinds(file)).toEqual({
      item_id: "string",
      external_id: "string",
      "data.meta": "struct",
      "data.n": "int64",
      "data.ok": "bool",
      "data.score": "float64",
      "data.spans": "list",
      "data.tags": "list",
      "data.text": "string",
      "label.sentiment": "label",
    });
    expect(leafTypes(file)).toEqual([
      ["item_id", "BYTE_ARRAY", "UTF8"],
      ["external_id", "BYTE_ARRAY", "UTF8"],
      ["id", "INT64", undefined], // meta.author.id
      ["source", "BYTE_ARRAY", "UTF8"],
      ["element", "INT64", undefined], // meta.votes
      ["n", "INT64", undefined],
      ["ok", "BOOLEAN", undefined],
      ["score", "DOUBLE", undefined],
      ["end", "INT64", undefined], // spans
      ["start", "INT64", undefined],
      ["element", "BYTE_ARRAY", "UTF8"], // tags
      ["text", "BYTE_ARRAY", "UTF8"],
      ["label.sentiment", "BYTE_ARRAY", "UTF8"],
    ]);
    const read = await parquetReadObjects({ file });
    expect(read.map((r) => r.data)).toEqual([
      {
        text: "first",
        n: 3n,
        score: 0.5,
        ok: true,
        tags: ["a", "b"],
        meta: { source: "forum", votes: [1n, 2n], author: { id: 7n } },
        spans: [{ start: 0n, end: 4n }],
      },
      {
        text: "second",
        n: -9007199254740991n,
        score: 2,
        ok: false,
        tags: [],
        meta: { source: "ticket", votes: [], author: { id: 8n } },
        spans: [],
      },
      {
        text: "third ü",
        n: 0n,
        score: -1.25,
        ok: null,
        tags: ["c", null],
        meta: { source: null, votes: [3n], author: undefined },
        spans: [
          { start: 2n, end: 3n },
          { start: 5n, end: 9n },
        ],
      },
    ]);
    expect(read.map((r) => r["label.sentiment"])).toEqual(["pos", "pos", "pos"]);
  });

  it("writes lists of lists and lists of structs holding lists", async () => {
    const rows = [
      row(0, {
        grid: [[1, 2], [], [3]],
        turns: [
          { role: "user", ids: [1] },
          { role: "bot", ids: [] },
        ],
      }),
      row(1, { grid: [], turns: [{ role: "user", ids: null }] }),
      row(2, { grid: null, turns: null }),
    ];
    const { file } = await write(rows);
    expect(columnKinds(file)).toMatchObject({ "data.grid": "list", "data.turns": "list" });
    const read = await parquetReadObjects({ file });
    // hyparquet reads a null list as undefined
    expect(read.map((r) => r.data)).toEqual([
      {
        grid: [[1n, 2n], [], [3n]],
        turns: [
          { role: "user", ids: [1n] },
          { role: "bot", ids: [] },
        ],
      },
      { grid: [], turns: [{ role: "user", ids: undefined }] },
      { grid: undefined, turns: undefined },
    ]);
  });

  it("falls back to JSON text for a field whose values differ in type, typing the others", async () => {
    const { file } = await write(mixed);
    expect(columnKinds(file)).toMatchObject({
      "data.text": "string",
      "data.value": "json",
      "data.meta": "json",
      "data.list": "json",
    });
    const read = await parquetReadObjects({ file });
    const decoded = read.map((r) => {
      const data = r.data as Record<string, unknown>;
      const json = (key: string) => (data[key] === null ? null : JSON.parse(data[key] as string));
      return { text: data.text, value: json("value"), meta: json("meta"), list: json("list") };
    });
    expect(decoded).toEqual(mixed.map((r) => r.data));
  });

  it("types every row by the whole version, not by the first row group", async () => {
    // A conflict in the last row group must turn the field into text from the first row on.
    const rows = [...Array(5).keys()].map((i) => row(i, { x: i < 4 ? i : "four" }));
    const { file } = await write(rows, 2);
    expect(columnKinds(file)["data.x"]).toBe("json");
    const read = await parquetReadObjects({ file });
    expect(read.map((r) => (r.data as { x: string }).x)).toEqual(["0", "1", "2", "3", '"four"']);
  });

  it("infers the types from `dataRows` when given (the export's cheaper first pass)", async () => {
    const rows = [row(0, { x: 1 }), row(1, { x: 2 })];
    const chunks: Uint8Array[] = [];
    const dataRows = () => fromArray([{ data: { x: 1 } }, { data: { x: "two" } }]);
    for await (const chunk of parquetStream(() => fromArray(rows), { ...options, dataRows }))
      chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(columnKinds(file)["data.x"]).toBe("json");
  });

  it("keeps data as one JSON text column when no field can be typed", async () => {
    const { file } = await write([row(0, {}), row(1, { "": 1 })]);
    expect(columnKinds(file).data).toBe("json");
    expect((await parquetReadObjects({ file })).map((r) => r.data)).toEqual(["{}", '{"":1}']);
  });

  it("keeps a data key named __proto__ as a field", () => {
    // hyparquet's reader assembles structs into plain objects, where `__proto__` cannot be a key,
    // so this checks the cells handed to the writer.
    const data = JSON.parse('{"__proto__":"x","m":{"__proto__":1}}') as Record<string, unknown>;
    const inference = dataTypeInference();
    inference.observeData(data);
    const plan = inference.plan();
    expect(dataColumnKinds(plan)).toEqual({ "data.__proto__": "string", "data.m": "struct" });
    const cell = dataCell(plan, data) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(cell, "__proto__")?.value).toBe("x");
    const meta = cell.m as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(meta, "__proto__")?.value).toBe(1n);
  });

  it("writes the same bytes for the same rows, whatever the order of keys in the data", async () => {
    for (const rows of [uniform, mixed]) {
      const first = await write(rows);
      const second = await write(rows);
      expect(first.bytes.equals(second.bytes)).toBe(true);
      const reordered = rows.map((r) => ({
        ...r,
        data: Object.fromEntries(Object.entries(r.data).reverse()),
      }));
      expect((await write(reordered)).bytes.equals(first.bytes)).toBe(true);
    }
    expect((await write(uniform)).bytes.equals((await write(mixed)).bytes)).toBe(false);
  });
});

/** What a reader sees, in the rows' terms: INT64 as numbers, JSON fields parsed, null keys dropped. */
function decode(value: unknown, kinds: Record<string, string>, path: string): unknown {
  if (kinds[path] === "json" && typeof value === "string") return normalize(JSON.parse(value), {}, "");
  return normalize(value, kinds, path);
}

function normalize(value: unknown, kinds: Record<string, string>, path: string): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map((item) => normalize(item, kinds, ""));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const decoded = path === "data" ? decode(item, kinds, `data.${key}`) : normalize(item, kinds, "");
    if (decoded !== null && decoded !== undefined) out[key] = decoded;
  }
  return out;
}

const ZERO_FREE_JSON = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe("parquetStream: any JSON data", () => {
  it("reads back every row's data, typed or as JSON text (property)", async () => {
    const data = fc.record(
      {
        text: fc.string(),
        n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        tags: fc.array(fc.option(fc.string())),
        meta: fc.record({ ok: fc.boolean(), at: fc.option(fc.integer()) }, { requiredKeys: [] }),
        any: ZERO_FREE_JSON,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(data, { maxLength: 6 }), async (datas) => {
        const rows = datas.map((d, i) => row(i, JSON.parse(JSON.stringify(d)) as Record<string, unknown>));
        const { file } = await write(rows, 4);
        const kinds = columnKinds(file);
        const read = await parquetReadObjects({ file });
        const expected = rows.map((r) => normalize(JSON.parse(JSON.stringify(r.data)), {}, ""));
        const decoded = read.map((r) =>
          kinds.data === "json"
            ? normalize(JSON.parse(r.data as string), {}, "")
            : decode(r.data, kinds, "data"),
        );
        expect(JSON.parse(JSON.stringify(decoded))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
