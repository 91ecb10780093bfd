import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectImport } from "./collect-import";
import type { TImportFormat, TImportRecord } from "./import-types";
import { cutAt, jsonl, runImport as run } from "@/lib/testing/test-input";

describe("collectImport: duplicates, CSV, chunking", () => {
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
