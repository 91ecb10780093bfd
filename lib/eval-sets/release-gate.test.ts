import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { GateTally } from "./release-gate";

const ann = (values: (string | null)[]) =>
  values.map((v, i) => ({ annotator: `a${i}`, values: { s: v }, definitionVersions: { s: 1 } }));

// Four items, one rating missing: checked against the textbook implementation (krippendorffAlpha)
// rather than against numbers copied from it.
const ITEMS = [
  ["a", "a", null],
  ["b", "b", "b"],
  ["a", "b", "a"],
  ["c", "c", "c"],
];

describe("GateTally", () => {
  it("computes alpha as the textbook implementation does and says by how much it falls short", () => {
    const tally = new GateTally([{ key: "s", kind: "single_choice" }]);
    for (const row of ITEMS) tally.add(ann(row));
    const reference = krippendorffAlpha(ITEMS, "nominal")!;
    const { figures, failures } = tally.evaluate({ minAlpha: 0.9 });
    expect(figures.s.alpha).toBeCloseTo(reference, 12);
    expect(failures).toEqual([
      expect.objectContaining({
        definition: "s",
        measure: "alpha",
        minimum: 0.9,
        value: Math.round(reference * 1000) / 1000,
      }),
    ]);
    expect(failures[0].message).toContain(`by ${Math.round((0.9 - reference) * 1000) / 1000}`);
    expect(tally.evaluate({ minAlpha: Math.floor(reference * 100) / 100 }).failures).toEqual([]);
  });

  it("gates the lower bound of the interval and the fewest annotations per item", () => {
    const tally = new GateTally([{ key: "s", kind: "single_choice" }]);
    for (const row of ITEMS) tally.add(ann(row));
    const { figures, failures } = tally.evaluate({ minCiLow: 0.99, minAnnotations: 3 });
    expect(figures.s.ciLow).not.toBeNull();
    expect(figures.s.ciLow!).toBeLessThanOrEqual(figures.s.alpha!);
    expect(failures.map((f) => f.measure)).toEqual(["ciLow", "annotations"]);
    expect(failures[1]).toMatchObject({
      value: 2,
      minimum: 3,
      message: "1 of 4 items have fewer than 3 annotations (the fewest: 2)",
    });
  });

  it("an undefined alpha fails a gate that asks for one", () => {
    const tally = new GateTally([{ key: "s", kind: "single_choice" }]);
    tally.add(ann(["a", null, null]));
    expect(tally.evaluate({ minAlpha: -1 }).failures[0].message).toMatch(/undefined/);
  });
});
