import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRecordBatches } from "./read-records";
import { byteChunks, cutAt, readAll, readChunked } from "@/lib/testing/test-input";

describe("reading JSONL", () => {
  it("reads one record per line with its line number", async () => {
    const entries = await readChunked('{"a":1}\n{"a":2}\n{"a":3}\n', "jsonl");
    expect(entries).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 2, raw: { a: 2 } },
      { line: 3, raw: { a: 3 } },
    ]);
  });

  it("handles CRLF, a BOM, blank and whitespace-only lines, and no final newline", async () => {
    const text = '\uFEFF{"a":1}\r\n\r\n   \r\n{"a":2}\r\n\n\t\n{"a":3}';
    expect(await readChunked(text, "jsonl")).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 4, raw: { a: 2 } },
      { line: 7, raw: { a: 3 } },
    ]);
  });

  it("keeps multi-byte characters split across chunks intact", async () => {
    const text = '{"t":"héllo wörld ✓ 😀 日本語"}\n{"t":"😀😀😀"}\n';
    const entries = await readChunked(text, "jsonl");
    expect(entries).toEqual([
      { line: 1, raw: { t: "héllo wörld ✓ 😀 日本語" } },
      { line: 2, raw: { t: "😀😀😀" } },
    ]);
  });

  it("reports bad JSON on line N as line N, with the parser's message, and reads on", async () => {
    const text = '{"a":1}\n{"a":2}\n\n{"a":,}\n{"a":5}\n';
    const entries = await readChunked(text, "jsonl");
    expect(entries).toHaveLength(4);
    expect(entries[2]).toMatchObject({ line: 4, fatal: false });
    expect((entries[2] as { error: string }).error).toMatch(/^invalid JSON: .+/);
    expect(entries[3]).toEqual({ line: 5, raw: { a: 5 } });
  });

  it("reports a bad record at the very end, without a final newline", async () => {
    const entries = await readChunked('{"a":1}\n{"a":2}\n{"a":', "jsonl");
    expect(entries[2]).toMatchObject({ line: 3, fatal: false });
    expect((entries[2] as { error: string }).error).toMatch(/^invalid JSON/);
  });

  it("reports a line that is JSON but not an object", async () => {
    const entries = await readChunked('[1,2]\n"text"\n42\nnull\n{"ok":true}\n', "jsonl");
    expect(entries.slice(0, 4)).toEqual([
      { line: 1, error: "a record must be a JSON object, got an array", fatal: false },
      { line: 2, error: "a record must be a JSON object, got a string", fatal: false },
      { line: 3, error: "a record must be a JSON object, got a number", fatal: false },
      { line: 4, error: "a record must be a JSON object, got null", fatal: false },
    ]);
    expect(entries[4]).toEqual({ line: 5, raw: { ok: true } });
  });

  it("skips an over-long line without holding it, and reads on", async () => {
    const long = `{"t":"${"x".repeat(100)}"}`;
    const entries = await readChunked(`{"a":1}\n${long}\n{"a":3}\n${long}`, "jsonl", { maxRecordChars: 50 });
    expect(entries).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 2, error: "the record is longer than 50 characters and was skipped", fatal: false },
      { line: 3, raw: { a: 3 } },
      { line: 4, error: "the record is longer than 50 characters and was skipped", fatal: false },
    ]);
  });

  it("ends with one fatal error at the line with bytes that are not UTF-8", async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"a":1}\n{"a":2}\n{"t":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"a":4}\n'),
    ]);
    const entries = await readAll(byteChunks(latin1, 1 << 20), "jsonl");
    expect(entries).toEqual([
      { line: 1, raw: { a: 1 } },
      { line: 2, raw: { a: 2 } },
      { line: 3, error: "the file is not valid UTF-8 text; save it as UTF-8 and try again", fatal: true },
    ]);
  });

  it("accepts string chunks, Node streams and web streams", async () => {
    const text = '{"a":1}\n{"a":2}\n';
    const expected = [
      { line: 1, raw: { a: 1 } },
      { line: 2, raw: { a: 2 } },
    ];
    async function* strings() {
      yield '{"a":1}\n{"a"';
      yield ":2}\n";
    }
    expect(await readAll(strings(), "jsonl")).toEqual(expected);
    expect(await readAll(Readable.from([Buffer.from(text)]), "jsonl")).toEqual(expected);
    const web = new Response(text).body;
    if (web === null) throw new Error("no body");
    expect(await readAll(web, "jsonl")).toEqual(expected);
  });

  it("reads a web stream through its reader when it is not async iterable, and cancels it on an early stop", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(Buffer.from('{"a":1}\n'.repeat(10)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const readerOnly = { getReader: () => stream.getReader() } as unknown as ReadableStream<Uint8Array>;
    for await (const batch of readRecordBatches(readerOnly, "jsonl", { batchSize: 5 })) {
      expect(batch).toEqual(Array.from({ length: 5 }, (_, i) => ({ line: i + 1, raw: { a: 1 } })));
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("yields batches of at most batchSize entries", async () => {
    const text = Array.from({ length: 25 }, (_, i) => JSON.stringify({ i })).join("\n");
    const sizes: number[] = [];
    for await (const batch of readRecordBatches(byteChunks(text, 5), "jsonl", { batchSize: 10 }))
      sizes.push(batch.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it("closes the input when the caller stops early", async () => {
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled++;
          yield Buffer.from('{"a":1}\n'.repeat(100));
        }
      } finally {
        closed = true;
      }
    }
    for await (const batch of readRecordBatches(endless(), "jsonl", { batchSize: 50 })) {
      expect(batch).toHaveLength(50);
      break;
    }
    expect(closed).toBe(true);
    expect(pulled).toBe(1);
  });

  it("finds every record with its line, however the text is cut", async () => {
    const record = fc.dictionary(fc.string({ unit: "grapheme" }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 3,
    });
    const layout = fc.array(
      fc.record({
        record,
        blankLines: fc.constantFrom("", "\n", "  \r\n", "\n\t\n"),
        eol: fc.constantFrom("\n", "\r\n"),
      }),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(layout, fc.array(fc.nat(), { maxLength: 30 }), async (items, cutPoints) => {
        let source = "";
        const expected = items.map((item) => {
          source += item.blankLines;
          const line = source.split("\n").length;
          source += JSON.stringify(item.record) + item.eol;
          return { line, raw: JSON.parse(JSON.stringify(item.record)) as unknown };
        });
        const size = Math.max(1, Buffer.byteLength(source));
        expect(
          await readAll(
            cutAt(
              source,
              cutPoints.map((cut) => cut % size),
            ),
            "jsonl",
          ),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
