import { describe, expect, it } from "vitest";
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import { ZEvalSetFilter } from "./filter-schema";
import { compileFilter, type TFilterDefinition, type TItemLabels } from "./match-filter";

const definitions: TFilterDefinition[] = [
  { key: "sentiment", isRequired: true, keyOf: (v) => canonicalJson(v ?? null) },
  { key: "note", isRequired: false, keyOf: (v) => canonicalJson(v ?? null) },
];

function label(value: unknown, overrides: Partial<TFinalLabel> = {}): TFinalLabel {
  return {
    isResolved: value !== undefined,
    source: value !== undefined ? "rule" : null,
    value: value ?? null,
    isGold: false,
    annotationCount: 3,
    agreement: 1,
    share: 1,
    reason: null,
    ...overrides,
  };
}

function item(id: number, sentiment?: unknown, overrides: Partial<TItemLabels> = {}): TItemLabels {
  return {
    itemId: String(id),
    batchId: "b1",
    labels: { sentiment: label(sentiment), note: label(undefined) },
    versions: { sentiment: [1] },
    ...overrides,
  };
}

const matches = (filter: unknown, it: TItemLabels) =>
  compileFilter(ZEvalSetFilter.parse(filter), definitions)(it);

describe("compileFilter", () => {
  it("with {} keeps items with a final label for every required definition", () => {
    expect(matches({}, item(1, "pos"))).toBe(true);
    expect(matches({}, item(2))).toBe(false);
    expect(matches({ resolution: "any" }, item(2))).toBe(true);
  });

  it("narrows by batch, definition version, label value and agreement", () => {
    expect(matches({ batches: ["00000000-0000-4000-8000-000000000000"] }, item(1, "pos"))).toBe(false);
    expect(matches({ definitionVersions: { sentiment: [2] } }, item(1, "pos"))).toBe(false);
    expect(matches({ definitionVersions: { sentiment: [1, 2] } }, item(1, "pos"))).toBe(true);
    expect(matches({ labels: { sentiment: ["pos", "neg"] } }, item(1, "pos"))).toBe(true);
    expect(matches({ labels: { sentiment: ["neg"] } }, item(1, "pos"))).toBe(false);
    const split = item(1, "pos", {});
    split.labels.sentiment = label("pos", { agreement: 1 / 3 });
    split.labels.note = label(null, { agreement: 1 });
    expect(matches({ minItemAgreement: 0.5 }, split)).toBe(false);
    expect(matches({ minItemAgreement: 0.3 }, split)).toBe(true);
  });

  it("tells labels decided by a lead from labels of the rule", () => {
    const adjudicated = item(1, "pos");
    adjudicated.labels.sentiment = label("pos", { source: "adjudication" });
    expect(matches({ resolution: "adjudicated" }, adjudicated)).toBe(true);
    expect(matches({ resolution: "automatic" }, adjudicated)).toBe(false);
    expect(matches({ resolution: "automatic" }, item(2, "pos"))).toBe(true);
    expect(matches({ resolution: "adjudicated" }, item(2, "pos"))).toBe(false);
  });

  it("is defined by a strict schema: unknown fields are errors", () => {
    expect(ZEvalSetFilter.safeParse({ bogus: 1 }).success).toBe(false);
    expect(ZEvalSetFilter.safeParse({ sample: { size: 3, extra: true } }).success).toBe(false);
    expect(ZEvalSetFilter.parse({ sample: { size: 3 } })).toEqual({ sample: { size: 3, seed: 0 } });
  });
});
