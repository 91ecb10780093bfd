import { describe, expect, it } from "vitest";
import { collectImport } from "./collect-import";
import { byteChunks, jsonl, runImport as run } from "@/lib/testing/test-input";

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
      stoppedAtLine: null,
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

  it("lists the first 100 errors, then stops reading", async () => {
    const text = jsonl(Array.from({ length: 500 }, (_, i) => ({ data: { i }, priority: "bad" })));
    const { summary } = await run(text, "jsonl", undefined, {}, 4096);
    expect(summary.errors).toHaveLength(100);
    expect(summary.errors[99].line).toBe(100);
    expect(summary.errorCount).toBe(101);
    expect(summary.total).toBe(101);
    expect(summary.stopped).toBe(true);
    expect(summary.stoppedAtLine).toBe(101);
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

  it("adds the problems of a project-aware validate hook to the record's line", async () => {
    const text = jsonl([
      { data: { t: "a" }, predictions: { sentiment: "positive" } },
      { data: { t: "b" }, predictions: { sentiment: "happy" } },
    ]);
    const { summary } = await run(text, "jsonl", undefined, {
      validate: (record) =>
        record.predictions?.sentiment === "happy"
          ? [{ path: "predictions.sentiment", message: '"happy" is not an option of "sentiment"' }]
          : null,
    });
    expect(summary.errors).toEqual([
      { line: 2, path: "predictions.sentiment", message: '"happy" is not an option of "sentiment"' },
    ]);
    expect(summary).toMatchObject({ valid: 1, invalid: 1 });
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
});
