import { createHash } from "node:crypto";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { canonicalJson } from "@/lib/label-definitions/canonical-json";

import { digestJsonl, encodeJsonlRow, jsonlStream, sha256OfJsonl } from "./canonical-jsonl";
import type { TExportAnnotation, TExportRow } from "./export-row";
import { collectBytes } from "./text-chunks";
import { fromArray, testRow, testRows } from "@/lib/testing/test-rows";

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(out, key, {
      value: reversedKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
    });
  }
  return out;
}

const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
const exportRow: fc.Arbitrary<TExportRow> = fc.record({
  itemId: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
  externalId: fc.option(fc.string(), { nil: null }),
  data: jsonObject,
  labels: jsonObject,
});

describe("encodeJsonlRow", () => {
  it("writes snake_case keys in canonical order, one line", () => {
    const row: TExportRow = {
      itemId: "42",
      externalId: "ext-1",
      labels: { sentiment: "pos", spans: [{ start: 0, end: 3, label: "X" }] },
      data: { text: 'a "b"\nc', lang: "en" },
      annotations: [
        { annotator: "annotator-1", values: { sentiment: "pos" }, definitionVersions: { sentiment: 2 } },
      ],
    };
    expect(encodeJsonlRow(row)).toBe(
      '{"annotations":[{"annotator":"annotator-1","definition_versions":{"sentiment":2},"values":{"sentiment":"pos"}}],' +
        '"data":{"lang":"en","text":"a \\"b\\"\\nc"},"external_id":"ext-1","item_id":"42",' +
        '"labels":{"sentiment":"pos","spans":[{"end":3,"label":"X","start":0}]}}\n',
    );
  });

  it("does not depend on the order in which keys were inserted", () => {
    fc.assert(
      fc.property(exportRow, (row) => {
        const reordered = {
          ...row,
          data: reversedKeys(row.data),
          labels: reversedKeys(row.labels),
        } as TExportRow;
        expect(encodeJsonlRow(reordered)).toBe(encodeJsonlRow(row));
      }),
      { numRuns: 500 },
    );
  });

  it("is canonical JSON of what it parses back to, on one line", () => {
    fc.assert(
      fc.property(exportRow, (row) => {
        const line = encodeJsonlRow(row);
        expect(line.endsWith("\n")).toBe(true);
        expect(line.slice(0, -1)).not.toMatch(/[\n\r]/);
        expect(canonicalJson(JSON.parse(line)) + "\n").toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects NaN, Infinity and malformed rows, and leaks no stray properties", () => {
    const row = testRow(1);
    expect(() => encodeJsonlRow({ ...row, labels: { x: Number.NaN } })).toThrow(TypeError);
    expect(() => encodeJsonlRow({ ...row, data: { x: Number.NEGATIVE_INFINITY } })).toThrow(TypeError);
    expect(() => encodeJsonlRow({ ...row, itemId: "007" })).toThrow(/decimal id/);
    expect(() => encodeJsonlRow({ ...row, data: [] as unknown as Record<string, unknown> })).toThrow(
      /object/,
    );
    const badAnnotation = { annotator: "a", values: {} } as unknown as TExportAnnotation;
    expect(() => encodeJsonlRow({ ...row, annotations: [badAnnotation] })).toThrow(/annotation/);
    const withExtra = { ...row, secret: "x" } as TExportRow;
    expect(encodeJsonlRow(withExtra)).toBe(encodeJsonlRow(row));
  });
});

describe("jsonlStream", () => {
  it("is byte-identical across runs and chunk sizes, and equals the concatenated lines", async () => {
    const expected = Buffer.from(
      Array.from({ length: 500 }, (_, i) => encodeJsonlRow(testRow(i, { annotations: true }))).join(""),
      "utf8",
    );
    const first = await collectBytes(jsonlStream(testRows(500, { annotations: true })));
    const second = await collectBytes(
      jsonlStream(testRows(500, { annotations: true }), { chunkChars: 1000 }),
    );
    expect(first.equals(expected)).toBe(true);
    expect(second.equals(expected)).toBe(true);
  });

  it("yields chunks of about 64 KB", async () => {
    const sizes: number[] = [];
    for await (const chunk of jsonlStream(testRows(2000))) sizes.push(chunk.byteLength);
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(64 * 1024);
    for (const size of sizes) expect(size).toBeLessThan(66 * 1024);
  });

  it("hashes to the sha256 of the concatenated lines", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => encodeJsonlRow(testRow(i))).join("");
    const expected = createHash("sha256").update(lines, "utf8").digest("hex");
    expect(await sha256OfJsonl(testRows(300))).toBe(expected);
    expect(await digestJsonl(testRows(300))).toEqual({
      sha256: expected,
      bytes: Buffer.byteLength(lines),
      rows: 300,
    });
    expect(await sha256OfJsonl(fromArray([]))).toBe(createHash("sha256").digest("hex"));
  });

  it("refuses rows out of numeric item id order and duplicates", async () => {
    const rows = [testRow(0), testRow(1)];
    await expect(collectBytes(jsonlStream(fromArray([rows[1], rows[0]])))).rejects.toThrow(/sorted/);
    await expect(collectBytes(jsonlStream(fromArray([rows[0], rows[0]])))).rejects.toThrow(/sorted/);
    const numeric = [
      { ...rows[0], itemId: "9" },
      { ...rows[0], itemId: "10" },
    ];
    await expect(collectBytes(jsonlStream(fromArray(numeric)))).resolves.toBeInstanceOf(Buffer);
  });

  it("keeps memory flat over 200,000 rows", async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let chunks = 0;
    for await (const _chunk of jsonlStream(testRows(200_000))) {
      if (++chunks % 20 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    // ~70 MB of JSONL went through; a leak would keep it. The bound is loose (GC timing).
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  });
});
