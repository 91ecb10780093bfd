import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hexWord, SeenKeyIndex } from "./seen-key-index";

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

describe("SeenKeyIndex", () => {
  it("keeps every key and its first line through many doublings", () => {
    const index = new SeenKeyIndex(true, 16);
    const n = 50_000;
    const hashes = Array.from({ length: n }, (_, i) => sha(`k${i}`));
    const inserted = hashes.filter(
      (h, i) => index.findOrInsert(hexWord(h, 0), hexWord(h, 8), hexWord(h, 16), i + 1, i, ~i) === -1,
    );
    expect(inserted).toHaveLength(n);
    expect(index.size).toBe(n);
    const wrong = hashes.filter((h, i) => {
      const slot = index.findOrInsert(hexWord(h, 0), hexWord(h, 8), hexWord(h, 16), 999_999);
      return (
        slot === -1 ||
        index.lineOf(slot) !== i + 1 ||
        !index.tagMatches(slot, i, ~i) ||
        index.tagMatches(slot, i + 1, ~i)
      );
    });
    expect(wrong).toEqual([]);
    expect(index.size).toBe(n);
  });

  it("tells apart keys that share a slot", () => {
    const index = new SeenKeyIndex(false, 16);
    expect(index.findOrInsert(5, 1, 1, 1)).toBe(-1);
    expect(index.findOrInsert(5, 1, 2, 2)).toBe(-1);
    expect(index.findOrInsert(5 + 16, 1, 1, 3)).toBe(-1);
    expect(index.lineOf(index.findOrInsert(5, 1, 2, 9))).toBe(2);
    expect(index.lineOf(index.findOrInsert(21, 1, 1, 9))).toBe(3);
  });

  it("reads hex words as unsigned 32-bit numbers", () => {
    expect(hexWord("ffffffff00000001", 0)).toBe(0xffffffff);
    expect(hexWord("ffffffff00000001", 8)).toBe(1);
    expect(hexWord("0123456789abcdef", 8)).toBe(0x89abcdef);
  });
});
