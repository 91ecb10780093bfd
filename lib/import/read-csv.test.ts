import { describe, expect, it } from "vitest";
import { readChunked } from "@/lib/testing/test-input";

describe("reading CSV", () => {
  it("reads rows as objects of strings keyed by the header", async () => {
    expect(await readChunked("id,text,score\n1,hello,5\n2,world,\n", "csv")).toEqual([
      { line: 2, raw: { id: "1", text: "hello", score: "5" } },
      { line: 3, raw: { id: "2", text: "world", score: "" } },
    ]);
  });

  it("gives the start line of rows with quoted fields spanning lines (LF and CRLF)", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = [
        "id,text",
        '1,"one line, with a comma"',
        `2,"two${eol}lines"`,
        '3,"say ""hi"""',
        `4,"three${eol}${eol}lines"`,
        "5,last",
      ].join(eol);
      expect(await readChunked(text, "csv")).toEqual([
        { line: 2, raw: { id: "1", text: "one line, with a comma" } },
        { line: 3, raw: { id: "2", text: `two${eol}lines` } },
        { line: 5, raw: { id: "3", text: 'say "hi"' } },
        { line: 6, raw: { id: "4", text: `three${eol}${eol}lines` } },
        { line: 9, raw: { id: "5", text: "last" } },
      ]);
    }
  });

  it("drops a BOM, skips blank lines, keeps multi-byte text", async () => {
    expect(await readChunked('\uFEFFid,text\r\n\r\n1,"日本語 😀"\r\n\r\n2,ü\r\n', "csv")).toEqual([
      { line: 3, raw: { id: "1", text: "日本語 😀" } },
      { line: 5, raw: { id: "2", text: "ü" } },
    ]);
  });

  it("reports a row with the wrong number of fields at its line and reads on", async () => {
    const text = 'id,text\n1,a\n2,b,extra\n3\n4,"multi\nline",x\n5,e\n';
    expect(await readChunked(text, "csv")).toEqual([
      { line: 2, raw: { id: "1", text: "a" } },
      { line: 3, error: "expected 2 fields (one per header column), got 3", fatal: false },
      { line: 4, error: "expected 2 fields (one per header column), got 1", fatal: false },
      { line: 5, error: "expected 2 fields (one per header column), got 3", fatal: false },
      { line: 7, raw: { id: "5", text: "e" } },
    ]);
  });

  it("ends with a fatal error on a quote that is never closed", async () => {
    const entries = await readChunked('id,text\n1,a\n2,"unclosed\n3,c\n', "csv");
    expect(entries).toEqual([
      { line: 2, raw: { id: "1", text: "a" } },
      { line: 3, error: "a quoted field is never closed: the file ends inside quotes", fatal: true },
    ]);
  });

  it("gives the line of an unclosed quote in the first row", async () => {
    expect(await readChunked('id,text\r\n1,"unclosed\n', "csv")).toEqual([
      { line: 2, error: "a quoted field is never closed: the file ends inside quotes", fatal: true },
    ]);
  });

  it("keeps text after a closing quote as it is (relaxed quoting)", async () => {
    expect(await readChunked('id,text\n1,a\n2,"bad"x\n3,c\n', "csv")).toEqual([
      { line: 2, raw: { id: "1", text: "a" } },
      { line: 3, raw: { id: "2", text: '"bad"x' } },
      { line: 4, raw: { id: "3", text: "c" } },
    ]);
  });

  it("rejects a header with an unnamed or repeated column", async () => {
    expect(await readChunked("id,text,\n1,a,\n", "csv")).toEqual([
      { line: 1, error: "header column 3 has no name", fatal: true },
    ]);
    expect(await readChunked("id,text,id\n1,a,2\n", "csv")).toEqual([
      { line: 1, error: "header column 'id' appears twice (columns 1 and 3)", fatal: true },
    ]);
    expect(await readChunked("__proto__,text\n1,a\n", "csv")).toEqual([
      { line: 1, error: "header column '__proto__' is not allowed", fatal: true },
    ]);
  });

  it("reads nothing from a header-only or empty file", async () => {
    expect(await readChunked("id,text\n", "csv")).toEqual([]);
    expect(await readChunked("", "csv")).toEqual([]);
  });

  it("keeps a quote inside an unquoted field as text", async () => {
    expect(await readChunked('id,text\n1,he said "hi" twice\n', "csv")).toEqual([
      { line: 2, raw: { id: "1", text: 'he said "hi" twice' } },
    ]);
  });

  it("says when the file seems to use another delimiter", async () => {
    expect(await readChunked("id;text\n1;a\n", "csv")).toEqual([
      {
        line: 1,
        error: `the header has a single column "id;text": the file seems to be separated by ';', not ","`,
        fatal: true,
      },
    ]);
  });

  it("takes another delimiter", async () => {
    expect(await readChunked('id;text\n1;"a;b"\n', "csv", { csvDelimiter: ";" })).toEqual([
      { line: 2, raw: { id: "1", text: "a;b" } },
    ]);
  });

  it("ends with a fatal error on bytes that are not UTF-8", async () => {
    const { readAll, byteChunks } = await import("@/lib/testing/test-input");
    const bytes = Buffer.concat([Buffer.from("id,text\n1,a\n2,caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const entries = await readAll(byteChunks(bytes, 1 << 20), "csv");
    expect(entries).toEqual([
      { line: 2, raw: { id: "1", text: "a" } },
      { line: 3, error: "the file is not valid UTF-8 text; save it as UTF-8 and try again", fatal: true },
    ]);
  });
});
