import { describe, expect, it } from "vitest";
import type { TLineDiffEntry } from "@/lib/label-definitions/line-diff";
import { collapseUnchanged } from "./collapse-lines";

const same = (n: number): TLineDiffEntry[] =>
  Array.from({ length: n }, (_, i) => ({ type: "same", text: `s${i}` }));
const add: TLineDiffEntry = { type: "add", text: "new" };
const del: TLineDiffEntry = { type: "del", text: "old" };

function shape(entries: TLineDiffEntry[]) {
  return collapseUnchanged(entries).map((c) => `${c.type}:${c.entries.length}`);
}

describe("collapseUnchanged", () => {
  it("keeps two lines of context around a change and collapses the rest", () => {
    expect(shape([...same(10), del, add, ...same(10)])).toEqual(["collapsed:8", "shown:6", "collapsed:8"]);
  });

  it("collapses the middle of a long run between two changes", () => {
    expect(shape([add, ...same(10), add])).toEqual(["shown:3", "collapsed:6", "shown:3"]);
  });

  it("shows runs that would hide fewer than three lines in full", () => {
    expect(shape([add, ...same(6), add])).toEqual(["shown:8"]);
    expect(shape([...same(4), add])).toEqual(["shown:5"]);
    expect(shape([...same(5), add])).toEqual(["collapsed:3", "shown:3"]);
  });

  it("keeps every line, in order", () => {
    const entries = [...same(7), del, ...same(1), add, ...same(12), del, ...same(2)];
    const flat = collapseUnchanged(entries).flatMap((c) => c.entries);
    expect(flat).toEqual(entries);
  });
});
