import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCollectOptions } from "./collect-import";
import { collectImport } from "./collect-import";
import type { TImportFormat, TImportMapping, TImportRecord } from "./import-types";
import { byteChunks, cutAt } from "./test-input";

function jsonl(records: unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + "\n";
}

async function run(
  text: string,
  format: TImportFormat = "jsonl",
  mapping?: TImportMapping,
  options: TCollectOptions = {},
  chunkSize = 7,
) {
  const batches: TImportRecord[][] = [];
  const summary = await collectImport(byteChunks(text, chunkSize), format, mapping, {
    onBatch: (records) => {
      batches.push(records);
    },
    ...options,
  });
  return { summary, records: batches.flat(), batches };
}

describe("collectImport", () => {
  it("hands valid records to onBatch in file order and batches", async () => {
    const text = jsonl(
      Array.from({ length: 25 }, (_, i) => ({ externalId: `id-${i}`, data: { i }, priority: i % 3 })),
    );
    const { summary, records, batches } = await run(text, "jsonl", undefined, { batchSize: 10 });
    expect(summary).toEqual({
      total: 25,
      valid: 25,
      invalid: 0,
      errors: [],
      errorCount: 0,
      duplicatesInFile: [],
      duplicateCount: 0,
      stopped: false,
    });
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(records.map((record) => record.externalId)).toEqual(
      Array.from({ length: 25 }, (_, i) => `id-${i}`),
    );
    expect(records[4]).toMatchObject({ data: { i: 4 }, priority: 1, predictions: null });
  });

  it("reads a JSON array the same way", async () => {
    const text = JSON.stringify(
      [{ data: { t: "a" } }, { data: { t: "b" }, predictions: { sentiment: "neg" } }],
      null,
      2,
    );
    const { summary, records } = await run(text, "json");
    expect(summary.valid).toBe(2);
    expect(records[1].predictions).toEqual({ sentiment: "neg" });
  });

  it("reports errors with their line numbers, including a bad record at the very end", async () => {
    const text = [
      '{"data":{"t":1}}',
      '{"data":{"t":2},"priority":"high"}',
      "",
      "not json",
      '{"data":{"t":5}',
      "",
    ].join("\n");
    const { summary, records } = await run(text);
    expect(summary.total).toBe(4);
    expect(summary.valid).toBe(1);
    expect(summary.invalid).toBe(3);
    expect(summary.errors.map((error) => [error.line, error.path])).toEqual([
      [2, "priority"],
      [4, "(record)"],
      [5, "(record)"],
    ]);
    expect(summary.errors[1].message).toMatch(/^invalid JSON/);
    expect(records).toEqual([]); // all or nothing: nothing is handed over once an error is known
  });

  it("stops handing over batches at the first error", async () => {
    const good = Array.from({ length: 30 }, (_, i) => ({ data: { i } }));
    const text = jsonl([...good, { data: "oops" }, ...good.map((r, i) => ({ data: { i: i + 100 } }))]);
    const { summary, records } = await run(text, "jsonl", undefined, { batchSize: 10 });
    expect(records).toHaveLength(30);
    expect(summary.valid).toBe(60);
    expect(summary.errors).toEqual([
      { line: 31, path: "data", message: "data must be an object, got a string" },
    ]);
  });

  it("finds duplicates by externalId and by content, and rejects an id reused with other data", async () => {
    const text = jsonl([
      { externalId: "a", data: { t: "x" } },
      { externalId: "b", data: { t: "x" } }, // same data, another id: a different item
      { data: { t: "y" } },
      { externalId: "a", data: { t: "x" }, priority: 3 }, // same id, same data
      { data: { t: "y" } }, // no id, same data
      { data: { t: "x" } }, // no id: compared with records without id only
      { externalId: "a", data: { t: "z" } }, // same id, other data
    ]);
    const { summary, records } = await run(text);
    expect(summary.duplicatesInFile).toEqual([
      { line: 4, duplicateOfLine: 1, reason: "externalId" },
      { line: 5, duplicateOfLine: 3, reason: "content" },
    ]);
    expect(summary.duplicateCount).toBe(2);
    expect(summary.errors).toEqual([
      {
        line: 7,
        path: "externalId",
        message: 'externalId "a" is already used on line 1 by a record with different data',
      },
    ]);
    expect(summary.valid).toBe(4);
    expect(records).toEqual([]);

    const lenient = await run(text, "jsonl", undefined, { idConflict: "duplicate" });
    expect(lenient.summary.errorCount).toBe(0);
    expect(lenient.summary.duplicatesInFile.at(-1)).toEqual({
      line: 7,
      duplicateOfLine: 1,
      reason: "externalId",
    });
    expect(lenient.records.map((record) => record.data)).toEqual([
      { t: "x" },
      { t: "x" },
      { t: "y" },
      { t: "x" },
    ]);
  });

  it("lists at most maxDuplicatesListed duplicates but counts them all", async () => {
    const text = jsonl(Array.from({ length: 30 }, () => ({ data: { same: true } })));
    const { summary, records } = await run(text, "jsonl", undefined, { maxDuplicatesListed: 5 });
    expect(records).toHaveLength(1);
    expect(summary.duplicateCount).toBe(29);
    expect(summary.duplicatesInFile).toHaveLength(5);
    expect(summary.duplicatesInFile[4]).toEqual({ line: 6, duplicateOfLine: 1, reason: "content" });
  });

  it("lists the first 100 errors, then stops reading", async () => {
    const text = jsonl(Array.from({ length: 500 }, (_, i) => ({ data: { i }, priority: "bad" })));
    const { summary } = await run(text, "jsonl", undefined, {}, 4096);
    expect(summary.errors).toHaveLength(100);
    expect(summary.errors[99].line).toBe(100);
    expect(summary.errorCount).toBe(101);
    expect(summary.total).toBe(101);
    expect(summary.stopped).toBe(true);
  });

  it("does not report stopped when the errors fit in the list", async () => {
    const text = jsonl(Array.from({ length: 100 }, () => ({ data: 1 })));
    const { summary } = await run(text, "jsonl", undefined, {}, 4096);
    expect(summary.errorCount).toBe(100);
    expect(summary.stopped).toBe(false);
  });

  it("ends on a broken file with one error", async () => {
    const { summary } = await run('{"data":{}}', "json");
    expect(summary.stopped).toBe(true);
    expect(summary.errors).toEqual([
      { line: 1, path: "(file)", message: expect.stringMatching(/^expected a JSON array/) },
    ]);
  });

  it("imports CSV with every column as data unless told otherwise", async () => {
    const csv =
      'id,text,prio,preds\n1,"Hello, world",5,"{""sentiment"":""positive""}"\n2,Bye,,\n3,Bye,x,\n2,Bye,,\n';
    const plain = await run(csv, "csv");
    expect(plain.records[0].data).toEqual({
      id: "1",
      text: "Hello, world",
      prio: "5",
      preds: '{"sentiment":"positive"}',
    });
    expect(plain.summary.duplicatesInFile).toEqual([{ line: 5, duplicateOfLine: 3, reason: "content" }]);

    const mapping = {
      externalIdField: "id",
      priorityField: "prio",
      predictionsField: "preds",
      textFieldsRequired: ["text"],
    };
    const mapped = await run(csv, "csv", mapping);
    expect(mapped.summary.errors).toEqual([
      {
        line: 4,
        path: "prio",
        message: "priority field 'prio' must be an integer from -1000000 to 1000000, got \"x\"",
      },
    ]);
    expect(mapped.summary.duplicatesInFile).toEqual([{ line: 5, duplicateOfLine: 3, reason: "externalId" }]);

    const fixed = await run(csv.replace("3,Bye,x,", "3,Bye,-2,"), "csv", mapping);
    expect(fixed.records).toEqual([
      expect.objectContaining({
        externalId: "1",
        data: { text: "Hello, world" },
        priority: 5,
        predictions: { sentiment: "positive" },
      }),
      expect.objectContaining({ externalId: "2", data: { text: "Bye" }, priority: 0, predictions: null }),
      expect.objectContaining({ externalId: "3", data: { text: "Bye" }, priority: -2, predictions: null }),
    ]);
  });

  it("waits for onBatch before reading on", async () => {
    const events: string[] = [];
    async function* input() {
      for (let chunk = 0; chunk < 3; chunk++) {
        events.push(`read ${chunk}`);
        yield Buffer.from(jsonl(Array.from({ length: 4 }, (_, i) => ({ data: { chunk, i } }))));
      }
    }
    await collectImport(input(), "jsonl", undefined, {
      batchSize: 4,
      read: { batchSize: 4 },
      onBatch: async (records) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`stored ${(records[0].data as { chunk: number }).chunk}`);
      },
    });
    expect(events).toEqual(["read 0", "stored 0", "read 1", "stored 1", "read 2", "stored 2"]);
  });

  it("propagates a failing onBatch", async () => {
    const text = jsonl([{ data: { a: 1 } }]);
    const failing = collectImport(byteChunks(text, 3), "jsonl", undefined, {
      onBatch: () => {
        throw new Error("database is down");
      },
    });
    await expect(failing).rejects.toThrow("database is down");
  });

  it("gives the same result however the input is cut into chunks", async () => {
    const samples: [TImportFormat, string][] = [
      [
        "jsonl",
        '\uFEFF{"externalId":"é1","data":{"t":"ünïcode 😀"}}\r\n\r\n{"data":{"t":"x"}}\n{"data":{"t":"x"}}\n{bad\n[1]\n{"data":{"t":"[\\"]"},"priority":2}',
      ],
      [
        "json",
        '[ {"data":{"t":"a,]}\\"b"}} ,\n{"data":{"n":[1,[2,{"x":"}"}]]}}, {"data":{"t":"a,]}\\"b"}}, 5,\n{"data":{"t":"日本"}} ]',
      ],
      ["csv", 'id,text\r\n1,"multi\r\nline, ""quoted"""\r\n2,日本語 😀\r\n3\r\n\r\n4,"x"\r\n2,日本語 😀\r\n'],
      // Without errors, so that records are handed over and compared too.
      [
        "jsonl",
        '{"data":{"t":"ünïcode 😀"}}\r\n\r\n{"data":{"t":"x"}}\n{"data":{"t":"x"}}\n{"data":{"t":"[\\"]"}}',
      ],
      ["json", '[{"data":{"t":"a,]}\\"b"}},{"data":{"n":[1,[2,{"x":"}"}]]}},\n{"data":{"t":"a,]}\\"b"}}]'],
      ["csv", 'id,text\r\n1,"multi\r\nline, ""quoted"""\r\n2,日本語 😀\r\n\r\n2,日本語 😀\r\n'],
    ];
    for (const [format, text] of samples) {
      const whole = await run(text, format, undefined, { idConflict: "duplicate" }, 1 << 20);
      expect(whole.summary.duplicateCount).toBeGreaterThan(0);
      expect(whole.summary.errorCount > 0 || whole.records.length > 0).toBe(true);
      const byteLength = Buffer.byteLength(text);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: byteLength - 1 }), { maxLength: 40 }),
          async (cuts) => {
            const records: TImportRecord[] = [];
            const summary = await collectImport(cutAt(text, cuts), format, undefined, {
              idConflict: "duplicate",
              onBatch: (batch) => void records.push(...batch),
            });
            expect(summary).toEqual(whole.summary);
            expect(records).toEqual(whole.records);
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});
