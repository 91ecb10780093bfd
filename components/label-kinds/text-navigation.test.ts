import { describe, expect, it } from "vitest";
import { moveOffset, trimRange } from "./text-navigation";

describe("moveOffset", () => {
  it("moves by one code point and treats a surrogate pair as one character", () => {
    const text = "a😀b";
    expect(moveOffset(text, 0, 1, "char")).toBe(1);
    expect(moveOffset(text, 1, 1, "char")).toBe(3);
    expect(moveOffset(text, 3, -1, "char")).toBe(1);
    expect(moveOffset(text, 4, 1, "char")).toBe(4);
    expect(moveOffset(text, 0, -1, "char")).toBe(0);
  });

  it("jumps to the end of the next word and the start of the previous word", () => {
    const text = "The staff, friendly.";
    expect(moveOffset(text, 0, 1, "word")).toBe(3);
    expect(moveOffset(text, 3, 1, "word")).toBe(9);
    expect(moveOffset(text, 9, 1, "word")).toBe(19);
    expect(moveOffset(text, 19, 1, "word")).toBe(20);
    expect(moveOffset(text, 20, -1, "word")).toBe(11);
    expect(moveOffset(text, 11, -1, "word")).toBe(4);
    expect(moveOffset(text, 6, -1, "word")).toBe(4);
  });

  it("treats accented letters as word characters", () => {
    expect(moveOffset("café au lait", 0, 1, "word")).toBe(4);
  });

  it("moves to the edges of the current line", () => {
    const text = "one\ntwo three\nfour";
    expect(moveOffset(text, 6, -1, "line")).toBe(4);
    expect(moveOffset(text, 6, 1, "line")).toBe(13);
    expect(moveOffset(text, 4, -1, "line")).toBe(4);
    expect(moveOffset(text, 15, 1, "line")).toBe(18);
  });

  it("moves to the edges of the text", () => {
    expect(moveOffset("abc", 1, 1, "text")).toBe(3);
    expect(moveOffset("abc", 1, -1, "text")).toBe(0);
  });
});

describe("trimRange", () => {
  it("orders the ends and trims whitespace", () => {
    expect(trimRange("the  food ", 9, 4)).toEqual({ start: 5, end: 9 });
  });

  it("returns null for an empty or blank range", () => {
    expect(trimRange("a  b", 1, 3)).toBeNull();
    expect(trimRange("abc", 2, 2)).toBeNull();
  });

  it("clamps to the text", () => {
    expect(trimRange("abc", -4, 10)).toEqual({ start: 0, end: 3 });
  });
});
