import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";

import { canonicalJson } from "@/lib/label-definitions/canonical-json";

import type { TExportRow } from "./export-row";
import { toWireAnnotations } from "./export-row";
import type { TParquetOptions } from "./parquet";
import { PARQUET_CREATED_BY, PARQUET_MANIFEST_KEY, parquetStream } from "./parquet";
import { collectBytes } from "./text-chunks";
import { fromArray, TEST_COLUMNS, TEST_MANIFEST, testRow, testRows } from "@/lib/testing/test-rows";

async function writeParquet(rows: () => AsyncIterable<TExportRow>, options: TParquetOptions) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of parquetStream(rows, options)) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { bytes, file, chunks };
}

/** INT64 cells read as bigint; the rows hold numbers. */
function withNumbers(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(withNumbers);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumbers(v)]));
  }
  return value;
}

function expectedRecord(row: TExportRow, annotations: boolean): Record<string, unknown> {
  const record: Record<string, unknown> = {
    item_id: row.itemId,
    external_id: row.externalId,
    data: row.data,
  };
  for (const key of TEST_COLUMNS.labels) {
    const value = row.labels[key];
    record[`label.${key}`] =
      value === null || value === undefined ? null : typeof value === "string" ? value : canonicalJson(value);
  }
  if (annotations) record.annotations = canonicalJson(toWireAnnotations(row.annotations ?? []));
  return record;
}

const options: TParquetOptions = {
  columns: TEST_COLUMNS,
  annotations: true,
  manifest: TEST_MANIFEST,
  rowGroupSize: 100,
};

describe("parquetStream", () => {
  it("round-trips every row through a reader, in row groups", async () => {
    const { file, chunks } = await writeParquet(() => testRows(1050, { annotations: true }), options);
    const read = await parquetReadObjects({ file });
    expect(read).toHaveLength(1050);
    for (const i of [0, 1, 7, 99, 100, 1049]) {
      expect(withNumbers(read[i])).toEqual(expectedRecord(testRow(i, { annotations: true }), true));
    }
    const metadata = parquetMetadata(file);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([...Array(10).fill(100), 50]);
    expect(metadata.created_by).toBe(PARQUET_CREATED_BY);
    expect(metadata.schema.map((element) => element.name)).toEqual([
      "root",
      "item_id",
      "external_id",
      "data",
      "lang",
      "meta",
      "length",
      "score",
      "tags",
      "list",
      "element",
      "source",
      "text",
      "label.rating",
      "label.sentiment",
      "label.spans",
      "label.topics",
      "annotations",
    ]);
    const manifest = metadata.key_value_metadata?.find((kv) => kv.key === PARQUET_MANIFEST_KEY);
    expect(manifest?.value).toBe(canonicalJson(TEST_MANIFEST));
    expect(chunks.length).toBe(12); // one per row group, then the footer
  });

  it("writes byte-identical files for the same rows", async () => {
    const first = await writeParquet(() => testRows(2500, { annotations: true }), options);
    const second = await writeParquet(() => testRows(2500, { annotations: true }), options);
    expect(first.bytes.equals(second.bytes)).toBe(true);
    const third = await writeParquet(() => testRows(2500), { columns: TEST_COLUMNS });
    const fourth = await writeParquet(() => testRows(2500), { columns: TEST_COLUMNS });
    expect(third.bytes.equals(fourth.bytes)).toBe(true);
    expect(third.bytes.equals(first.bytes)).toBe(false);
  });

  it("stores labels missing from a row as null and leaves out annotations unless asked", async () => {
    const rows: TExportRow[] = [
      { itemId: "5", externalId: null, data: { t: "ü" }, labels: {} },
      { itemId: "6", externalId: "x", data: {}, labels: { sentiment: "pos", rating: 4 } },
    ];
    const { file } = await writeParquet(() => fromArray(rows), { columns: TEST_COLUMNS });
    expect(await parquetReadObjects({ file })).toEqual([
      {
        item_id: "5",
        external_id: null,
        data: { t: "ü" },
        "label.rating": null,
        "label.sentiment": null,
        "label.spans": null,
        "label.topics": null,
      },
      {
        item_id: "6",
        external_id: "x",
        data: { t: null },
        "label.rating": "4",
        "label.sentiment": "pos",
        "label.spans": null,
        "label.topics": null,
      },
    ]);
  });

  it("writes a valid file for an empty version", async () => {
    const { file } = await writeParquet(() => fromArray([]), { columns: TEST_COLUMNS });
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(parquetMetadata(file).num_rows).toBe(0n);
  });

  it("refuses unknown label keys and unsorted rows", async () => {
    const bad = [{ ...testRow(1), labels: { unknown: "x" } }];
    await expect(writeParquet(() => fromArray(bad), { columns: TEST_COLUMNS })).rejects.toThrow(
      /not a column/,
    );
    await expect(
      writeParquet(() => fromArray([testRow(2), testRow(1)]), { columns: TEST_COLUMNS }),
    ).rejects.toThrow(/sorted/);
  });

  it("yields bytes whose concatenation is the file (no chunk is reused)", async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of parquetStream(() => testRows(300), {
      columns: TEST_COLUMNS,
      rowGroupSize: 100,
    })) {
      chunks.push(chunk);
    }
    const { bytes } = await writeParquet(() => testRows(300), { columns: TEST_COLUMNS, rowGroupSize: 100 });
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(
      (await collectBytes(parquetStream(() => testRows(300), { columns: TEST_COLUMNS })))
        .subarray(0, 4)
        .toString(),
    ).toBe("PAR1");
  });
});
