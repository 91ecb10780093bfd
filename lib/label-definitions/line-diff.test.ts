import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, lineDiff, splitLines } from "./line-diff";

describe("splitLines", () => {
  it("handles empty text, CRLF and a final newline", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\n\nb")).toEqual(["a", "", "b"]);
  });
});

describe("lineDiff", () => {
  it("marks a changed line as del + add between same lines", () => {
    expect(lineDiff("# Title\nold rule\nend", "# Title\nnew rule\nend")).toEqual([
      { type: "same", text: "# Title" },
      { type: "del", text: "old rule" },
      { type: "add", text: "new rule" },
      { type: "same", text: "end" },
    ]);
  });

  it("handles additions and deletions at the edges", () => {
    expect(lineDiff("", "a\nb")).toEqual([
      { type: "add", text: "a" },
      { type: "add", text: "b" },
    ]);
    expect(lineDiff("a\nb", "b")).toEqual([
      { type: "del", text: "a" },
      { type: "same", text: "b" },
    ]);
    expect(lineDiff("same", "same")).toEqual([{ type: "same", text: "same" }]);
  });

  it("finds a longest common subsequence", () => {
    const diff = diffLines(["a", "b", "c", "d", "e"], ["b", "x", "d", "e", "f"]);
    expect(diff.filter((d) => d.type === "same").map((d) => d.text)).toEqual(["b", "d", "e"]);
  });

  it("reconstructs both sides (property)", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "", "# h"), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a, b);
        expect(diff.filter((d) => d.type !== "add").map((d) => d.text)).toEqual(a);
        expect(diff.filter((d) => d.type !== "del").map((d) => d.text)).toEqual(b);
      }),
    );
  });

  it("falls back to delete-all + add-all for huge inputs", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const diff = diffLines(a, b);
    expect(diff).toHaveLength(6000);
    expect(diff[0]?.type).toBe("del");
    expect(diff[5999]?.type).toBe("add");
  });
});
