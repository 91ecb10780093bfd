import { describe, expect, it } from "vitest";
import { chiSquareHomogeneity } from "@/lib/drift/chi-square";
import { spanDrift } from "./report-drift";
import type { TSpanGroups } from "./report-spans";
import { spanAgreement } from "./span-agreement";

const span = (label: string, start = 0) => ({ start, end: start + 3, label });

function groupsOf(batches: { id: string; week: string; labels: string[][] }[]): TSpanGroups {
  let n = 0;
  return {
    labels: [
      { key: "PER", title: "Person" },
      { key: "LOC", title: "Place" },
    ],
    items: batches.flatMap((b) =>
      Array.from({ length: 40 }, (_, i) => ({
        itemId: String(++n),
        batch: b.id,
        week: b.week,
        latest: 0,
        labels: b.labels.map((who, a) => ({
          annotator: `u${a}`,
          version: 1,
          spans: who.map((l, k) => span(l, k * 5 + (i % 2))),
        })),
      })),
    ),
  };
}

describe("spanDrift", () => {
  const groups = groupsOf([
    {
      id: "b1",
      week: "2026-11-02",
      labels: [
        ["PER", "PER"],
        ["PER", "PER"],
      ],
    },
    {
      id: "b2",
      week: "2026-11-09",
      labels: [
        ["LOC", "PER"],
        ["LOC", "LOC"],
      ],
    },
  ]);
  const drift = spanDrift({ key: "e", title: "Entities", kind: "spans" }, groups, [
    { id: "b1", name: "First" },
    { id: "b2", name: "Second" },
  ]);

  it("counts entity labels per batch and flags the shift with the chi-square test", () => {
    expect(drift.categories.map((c) => c.label)).toEqual(["Person", "Place"]);
    const [first, second] = drift.byBatch;
    expect(first).toMatchObject({ label: "First", labels: 160, distribution: [160, 0] });
    expect(second).toMatchObject({ label: "Second", labels: 160, distribution: [40, 120] });
    expect(second.shift!.pValue).toBeCloseTo(
      chiSquareHomogeneity([
        [80, 0],
        [20, 60],
      ])!.pValue,
      12,
    );
    expect(second.isShifted).toBe(true);
    expect(drift.byWeek.map((w) => w.window)).toEqual(["2026-11-02", "2026-11-09"]);
  });

  it("gives each window the overlap F1 of its items", () => {
    const items = groups.items
      .filter((i) => i.batch === "b2")
      .map((i) => i.labels.map((l) => ({ annotator: l.annotator, spans: l.spans })));
    expect(drift.byBatch[1].agreement.value).toBeCloseTo(spanAgreement(items, "overlap").f1!, 12);
    expect(drift.byBatch[0].agreement.value).toBe(1);
    expect(drift.byBatch[1].isAgreementDrop).toBe(true);
  });
});

describe("spanDrift on whether anything is marked", () => {
  // Before the change both annotators mark the slur [0, 4) on all 40 items; after "do not mark
  // quoted slurs", u1 stops marking on 30 of 40 items while u0 goes on.
  const items = (batch: string, week: string, from: number, quiet: number) =>
    Array.from({ length: 40 }, (_, i) => ({
      itemId: String(from + i),
      batch,
      week,
      latest: 0,
      labels: ["u0", "u1"].map((annotator) => ({
        annotator,
        version: 1,
        spans: annotator === "u1" && i < quiet ? [] : [{ start: 0, end: 4, label: "INS" }],
      })),
    }));
  const groups: TSpanGroups = {
    labels: [{ key: "INS", title: "Insult" }],
    items: [...items("b1", "2026-11-02", 0, 0), ...items("b2", "2026-11-09", 100, 30)],
  };
  const drift = spanDrift({ key: "t", title: "Toxic", kind: "spans" }, groups, [
    { id: "b1", name: "Before" },
    { id: "b2", name: "After" },
  ]);

  it("counts annotations that marked something or nothing and flags the shift", () => {
    const [before, after] = drift.anySpan!.byBatch;
    expect(drift.anySpan!.categories.map((c) => c.label)).toEqual(["Marked something", "Marked nothing"]);
    expect(before).toMatchObject({ labels: 80, distribution: [80, 0] });
    expect(after).toMatchObject({ labels: 80, distribution: [50, 30] });
    expect(after.isShifted).toBe(true);
    expect(after.shift!.pValue).toBeCloseTo(
      chiSquareHomogeneity([
        [80, 0],
        [50, 30],
      ])!.pValue,
      12,
    );
    // The entity labels did not move: their own series sees nothing.
    expect(drift.byBatch[1].isShifted).toBe(false);
  });

  it("gives each window the item-macro character F1 and flags its drop", () => {
    const [before, after] = drift.anySpan!.byBatch;
    expect(drift.anySpan!.metric).toBe("char_f1_item_macro");
    expect(before.agreement.value).toBe(1);
    // 30 one-sided items score 0, 10 agreeing items 1.
    expect(after.agreement.value).toBeCloseTo(10 / 40, 12);
    expect(after.isAgreementDrop).toBe(true);
    expect(drift.anySpan!.byWeek.map((w) => w.window)).toEqual(["2026-11-02", "2026-11-09"]);
  });
});
