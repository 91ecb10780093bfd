import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardCsvCell } from "./csv-cell-guard";

describe("guardCsvCell", () => {
  it("prefixes the six formula starts OWASP lists, and nothing else", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(guardCsvCell(`${start}1`)).toBe(`'${start}1`);
    for (const text of ["", "a=1", " =1", "'=1", "1-2", "日本"]) expect(guardCsvCell(text)).toBe(text);
  });

  it("never loses text: dropping the added ' gives it back", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const guarded = guardCsvCell(text);
        expect(guarded === text ? text : guarded.slice(1)).toBe(text);
        expect(/^[=+\-@\t\r]/.test(guarded)).toBe(false);
      }),
    );
  });
});
