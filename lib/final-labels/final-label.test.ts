import { describe, expect, it } from "vitest";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { computeFinalLabel } from "./final-label";
import { DEFAULT_FINAL_LABEL_RULE } from "./rules";

const topics = normalizeDefinition({
  key: "topics",
  kind: "multi_choice",
  options: [{ key: "sports" }, { key: "politics" }, { key: "tech" }],
});
const sentiment = normalizeDefinition({
  key: "sentiment",
  kind: "single_choice",
  options: [{ key: "pos" }, { key: "neg" }],
});
const a = (userId: string, value: unknown) => ({ userId, version: 1, value });

describe("computeFinalLabel", () => {
  it("counts multi-choice answers as equal whatever the order of their keys", () => {
    const label = computeFinalLabel(
      topics,
      DEFAULT_FINAL_LABEL_RULE,
      [a("u1", ["politics", "sports"]), a("u2", ["sports", "politics"]), a("u3", ["tech"])],
      null,
    );
    expect(label).toMatchObject({ isResolved: true, source: "rule", value: ["sports", "politics"] });
    expect(label.annotationCount).toBe(3);
  });

  it("lets an adjudication override the rule, resolved or not, and carries the gold mark", () => {
    const votes = [a("u1", "pos"), a("u2", "neg")];
    expect(computeFinalLabel(sentiment, DEFAULT_FINAL_LABEL_RULE, votes, null)).toMatchObject({
      isResolved: false,
      source: null,
      value: null,
      reason: "no value has more than 50% of the annotations",
    });
    const decided = computeFinalLabel(sentiment, DEFAULT_FINAL_LABEL_RULE, votes, {
      value: "neg",
      isGold: true,
    });
    expect(decided).toMatchObject({ isResolved: true, source: "adjudication", value: "neg", isGold: true });
    expect(decided.agreement).toBe(0);
    const overridden = computeFinalLabel(
      sentiment,
      DEFAULT_FINAL_LABEL_RULE,
      [a("u1", "pos"), a("u2", "pos")],
      { value: "neg", isGold: false },
    );
    expect(overridden).toMatchObject({ source: "adjudication", value: "neg" });
  });

  it("is unresolved without annotations or an adjudication", () => {
    expect(computeFinalLabel(sentiment, DEFAULT_FINAL_LABEL_RULE, [], null)).toMatchObject({
      isResolved: false,
      annotationCount: 0,
      agreement: null,
    });
  });
});
