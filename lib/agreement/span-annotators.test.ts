import { describe, expect, it } from "vitest";
import { NO_SPAN, spanAnnotatorReport } from "./span-annotators";
import { spanAgreement } from "./span-agreement";

describe("spanAnnotatorReport", () => {
  const items = [
    [
      {
        annotator: "x",
        spans: [
          { start: 0, end: 4, label: "PER" },
          { start: 10, end: 15, label: "LOC" },
        ],
      },
      {
        annotator: "y",
        spans: [
          { start: 1, end: 4, label: "PER" },
          { start: 10, end: 15, label: "PER" },
        ],
      },
      { annotator: "z", spans: [] },
    ],
    [
      { annotator: "x", spans: [{ start: 0, end: 2, label: "LOC" }] },
      { annotator: "y", spans: [{ start: 0, end: 2, label: "LOC" }] },
    ],
    [{ annotator: "z", spans: [{ start: 0, end: 2, label: "LOC" }] }],
  ];
  const report = spanAnnotatorReport(items, ["PER", "LOC"], (user) => ({
    id: user,
    name: user.toUpperCase(),
  }));

  it("gives each pair of annotators the overlap F1 of spanAgreement on their shared items", () => {
    const xy = report.matrix.cells.find((c) => c.a === "x" && c.b === "y")!;
    const shared = items
      .map((item) => item.filter((a) => a.annotator !== "z"))
      .filter((item) => item.length === 2);
    expect(xy.items).toBe(2);
    expect(xy.agreement).toBeCloseTo(spanAgreement(shared, "overlap").f1!, 12);
    expect(report.matrix.cells.find((c) => c.a === "x" && c.b === "z")!.agreement).toBe(0);
  });

  it("counts overlapping spans under both labels, and spans nobody overlapped", () => {
    const { labels, counts } = report.confusion;
    const at = (a: string, b: string) => counts[labels.indexOf(a)][labels.indexOf(b)];
    expect(labels).toEqual(["PER", "LOC", NO_SPAN]);
    expect(at("PER", "PER")).toBe(1);
    expect(at("LOC", "PER")).toBe(1);
    expect(at("PER", "LOC")).toBe(1);
    expect(at("LOC", "LOC")).toBe(1);
    // x's two spans and y's two spans against z, who marked nothing.
    expect(at("PER", NO_SPAN)).toBe(3);
    expect(at("LOC", NO_SPAN)).toBe(1);
  });

  it("scores items and annotators, leaving single-annotator items out", () => {
    expect(report.itemF1[2]).toBeNull();
    expect(report.itemF1[1]).toBe(1);
    expect(report.annotators.map((a) => a.id)).toEqual(["x", "y", "z"]);
    expect(report.annotators.find((a) => a.id === "z")).toMatchObject({
      labels: 2,
      itemsShared: 1,
      agreement: 0,
    });
  });
});
