import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromArray } from "@/lib/testing/test-rows";
import { diffVersions, labelChanges, type TDiffRow } from "./version-diff";

const row = (id: number, sentiment: unknown, extra: Record<string, unknown> = {}): TDiffRow => ({
  itemId: String(id),
  externalId: `e${id}`,
  labels: { sentiment, ...extra },
});

describe("diffVersions", () => {
  it("finds added, removed and changed items, and the label changes", async () => {
    const v1 = [row(1, "pos"), row(2, "neg"), row(3, "pos"), row(5, "neu"), row(10, "pos")];
    const v2 = [row(2, "pos"), row(3, "pos"), row(4, "neg"), row(10, "neg"), row(11, "neu")];
    const diff = await diffVersions(fromArray(v1), fromArray(v2), { limit: 10 });
    expect(diff.added.items.map((r) => r.itemId)).toEqual(["4", "11"]);
    expect(diff.removed.items.map((r) => r.itemId)).toEqual(["1", "5"]);
    expect(diff.changed.items).toEqual([
      { itemId: "2", externalId: "e2", changes: [{ key: "sentiment", before: "neg", after: "pos" }] },
      { itemId: "10", externalId: "e10", changes: [{ key: "sentiment", before: "pos", after: "neg" }] },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.transitions.sentiment).toEqual([
      { before: "neg", after: "pos", count: 1 },
      { before: "pos", after: "neg", count: 1 },
    ]);
  });

  it("compares by numeric item id (10 after 9), not as text", async () => {
    const diff = await diffVersions(fromArray([row(9, "a"), row(10, "a")]), fromArray([row(10, "a")]), {
      limit: 5,
    });
    expect(diff).toMatchObject({ removed: { count: 1 }, added: { count: 0 }, unchanged: 1 });
  });

  it("counts everything but lists at most `limit` examples of each", async () => {
    const v2 = Array.from({ length: 30 }, (_, i) => row(i + 1, "x"));
    const diff = await diffVersions(fromArray([]), fromArray(v2), { limit: 5 });
    expect(diff.added.count).toBe(30);
    expect(diff.added.items).toHaveLength(5);
  });

  it("agrees with a diff computed from maps, for any two versions", async () => {
    const version = fc
      .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 })
      .chain((ids) =>
        fc.tuple(
          fc.constant([...ids].sort((x, y) => x - y)),
          fc.array(fc.constantFrom("a", "b", null), { minLength: ids.length, maxLength: ids.length }),
        ),
      )
      .map(([ids, values]) => ids.map((id, i) => row(id, values[i])));
    await fc.assert(
      fc.asyncProperty(version, version, async (v1, v2) => {
        const diff = await diffVersions(fromArray(v1), fromArray(v2), { limit: 1000 });
        const m1 = new Map(v1.map((r) => [r.itemId, r.labels.sentiment]));
        const m2 = new Map(v2.map((r) => [r.itemId, r.labels.sentiment]));
        const added = [...m2.keys()].filter((k) => !m1.has(k));
        const removed = [...m1.keys()].filter((k) => !m2.has(k));
        const changed = [...m2.keys()].filter((k) => m1.has(k) && m1.get(k) !== m2.get(k));
        expect(diff.added.items.map((r) => r.itemId)).toEqual(added);
        expect(diff.removed.items.map((r) => r.itemId)).toEqual(removed);
        expect(diff.changed.items.map((r) => r.itemId)).toEqual(changed);
        expect(diff.unchanged + diff.changed.count).toBe(v2.length - added.length);
      }),
    );
  });

  it("refuses rows out of order rather than report a wrong diff", async () => {
    await expect(
      diffVersions(fromArray([row(2, "a"), row(1, "a")]), fromArray([]), { limit: 1 }),
    ).rejects.toThrow(/ascending/);
  });
});

describe("labelChanges", () => {
  it("compares values canonically and treats a missing key as null", () => {
    expect(labelChanges({ a: { x: 1, y: 2 }, b: null }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(labelChanges({ a: [1, 2] }, { a: [2, 1], b: "n" })).toEqual([
      { key: "a", before: [1, 2], after: [2, 1] },
      { key: "b", before: null, after: "n" },
    ]);
  });
});
