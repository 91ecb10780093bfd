import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readFileLines, readFileText } from "./read-file-text";

const text = Array.from({ length: 2000 }, (_, i) => `{"n":${i + 1},"text":"é ${"y".repeat(i % 50)}"}`).join(
  "\r\n",
);

describe("reading a file's text in the browser", () => {
  it("decompresses gzip and stops at about the size asked", async () => {
    const head = await readFileText(new Blob([gzipSync(text)]), 1000);
    expect(head.isGzip).toBe(true);
    expect(head.isWhole).toBe(false);
    expect(text.startsWith(head.text)).toBe(true);
    expect(head.text.length).toBeGreaterThanOrEqual(1000);
  });

  it("reads a small file whole", async () => {
    expect(await readFileText(new Blob(["abc"]), 1000)).toEqual({
      text: "abc",
      isWhole: true,
      isGzip: false,
    });
  });

  it("finds the wanted lines of a plain or gzip file, CRLF or not, the last one without a newline", async () => {
    const lines = text.split("\r\n");
    const wanted = new Set([1, 2, 777, 1999, 2000, 2001]);
    const expected = new Map([1, 2, 777, 1999, 2000].map((n) => [n, lines[n - 1]]));
    expect(await readFileLines(new Blob([text]), wanted)).toEqual(expected);
    expect(await readFileLines(new Blob([gzipSync(text)]), wanted)).toEqual(expected);
    // Tiny chunks: lines split across chunks are joined.
    const parts = text.match(/[\s\S]{1,7}/g) ?? [];
    expect(await readFileLines(new Blob(parts), wanted)).toEqual(expected);
  });

  it("cuts a wanted line at the limit", async () => {
    const found = await readFileLines(new Blob([`${"z".repeat(100)}\nshort\n`]), new Set([1, 2]), 10);
    expect(found).toEqual(
      new Map([
        [1, "z".repeat(10)],
        [2, "short"],
      ]),
    );
  });
});
