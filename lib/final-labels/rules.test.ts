import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_FINAL_LABEL_RULE,
  applyRule,
  describeRule,
  itemAgreement,
  type TFinalLabelRule,
} from "./rules";

const majority = (minShare = 0.5, minAnnotations = 1): TFinalLabelRule => ({
  ...DEFAULT_FINAL_LABEL_RULE,
  minShare,
  minAnnotations,
});
const unanimous: TFinalLabelRule = { ...DEFAULT_FINAL_LABEL_RULE, kind: "unanimous" };
const minAgreement = (value: number): TFinalLabelRule => ({
  ...DEFAULT_FINAL_LABEL_RULE,
  kind: "min_agreement",
  minAgreement: value,
});

describe("the majority rule", () => {
  it("takes a value given by more than half of the annotations, as the API contract says", () => {
    expect(applyRule(["a", "a", "b"], majority())).toMatchObject({ isResolved: true, key: "a" });
    expect(applyRule(["a"], majority())).toMatchObject({ isResolved: true, key: "a", share: 1 });
    expect(applyRule(["a", "b"], majority())).toMatchObject({ isResolved: false });
    expect(applyRule(["a", "a", "b", "b"], majority())).toMatchObject({ isResolved: false });
    expect(applyRule(["a", "b", "c"], majority())).toMatchObject({ isResolved: false });
  });

  it("needs strictly more than the minimum share", () => {
    expect(applyRule(["a", "a", "b"], majority(2 / 3))).toMatchObject({ isResolved: false });
    expect(applyRule(["a", "a", "b"], majority(0.66))).toMatchObject({ isResolved: true, key: "a" });
    expect(applyRule(["a", "a", "a", "b"], majority(0.7))).toMatchObject({ isResolved: true });
    expect(applyRule(["a", "a", "a", "b", "c"], majority(0.6))).toMatchObject({ isResolved: false });
  });

  it("waits for the minimum number of annotations", () => {
    const outcome = applyRule(["a", "a"], majority(0.5, 3));
    expect(outcome).toMatchObject({ isResolved: false, reason: "2 of the 3 annotations the rule needs" });
    expect(applyRule(["a", "a", "b"], majority(0.5, 3))).toMatchObject({ isResolved: true });
  });

  it("leaves an item without annotations unresolved", () => {
    expect(applyRule([], majority())).toMatchObject({ isResolved: false, reason: "no annotations yet" });
  });

  it("counts an empty optional value as an answer", () => {
    expect(applyRule(["null", "null", "a"], majority())).toMatchObject({ isResolved: true, key: "null" });
  });
});

describe("the unanimous rule", () => {
  it("needs every annotation to agree", () => {
    expect(applyRule(["x", "x", "x"], unanimous)).toMatchObject({ isResolved: true, key: "x" });
    expect(applyRule(["x", "x", "y"], unanimous)).toMatchObject({
      isResolved: false,
      reason: "the annotations differ",
    });
  });
});

describe("the minimum agreement rule", () => {
  it("compares the share of agreeing pairs with the minimum", () => {
    // a,a,b: 1 agreeing pair of 3.
    expect(itemAgreement(["a", "a", "b"])).toBeCloseTo(1 / 3);
    expect(applyRule(["a", "a", "b"], minAgreement(0.3))).toMatchObject({ isResolved: true, key: "a" });
    expect(applyRule(["a", "a", "b"], minAgreement(0.5))).toMatchObject({ isResolved: false });
    expect(applyRule(["a", "a", "a", "b"], minAgreement(0.5))).toMatchObject({ isResolved: true });
  });

  it("never resolves a single annotation or a tie", () => {
    expect(applyRule(["a"], minAgreement(0.1))).toMatchObject({ isResolved: false });
    expect(applyRule(["a", "a", "b", "b"], minAgreement(0.1))).toMatchObject({
      isResolved: false,
      reason: "two values are tied",
    });
  });

  it("reaches an agreement of exactly 1 despite floating point", () => {
    expect(applyRule(["a", "a", "a"], minAgreement(1))).toMatchObject({ isResolved: true });
  });
});

describe("every rule", () => {
  const rules = fc.oneof(
    fc.record({
      kind: fc.constant("majority" as const),
      minShare: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
      minAgreement: fc.constant(1),
      minAnnotations: fc.integer({ min: 1, max: 4 }),
    }),
    fc.record({
      kind: fc.constantFrom("unanimous" as const, "min_agreement" as const),
      minShare: fc.constant(0.5),
      minAgreement: fc.double({ min: 0.01, max: 1, noNaN: true }),
      minAnnotations: fc.integer({ min: 1, max: 4 }),
    }),
  );
  const answers = fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 8 });

  it("resolves to the most frequent value, never to another, whatever the order", () => {
    fc.assert(
      fc.property(answers, rules, (keys, rule) => {
        const outcome = applyRule(keys, rule);
        const reversed = applyRule([...keys].reverse(), rule);
        expect(reversed.isResolved).toBe(outcome.isResolved);
        if (outcome.isResolved) {
          const count = (k: string) => keys.filter((x) => x === k).length;
          for (const other of keys) expect(count(outcome.key)).toBeGreaterThanOrEqual(count(other));
          expect(keys.length).toBeGreaterThanOrEqual(rule.minAnnotations);
          expect(reversed).toMatchObject({ key: outcome.key });
        }
      }),
    );
  });

  it("resolves a unanimous item whenever it has enough annotations (majority and unanimous)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), rules, (n, rule) => {
        const outcome = applyRule(Array(n).fill("a"), rule);
        const enough = n >= rule.minAnnotations && (rule.kind !== "min_agreement" || n >= 2);
        expect(outcome.isResolved).toBe(enough);
      }),
    );
  });
});

describe("describeRule", () => {
  it("says the rule in words", () => {
    expect(describeRule(DEFAULT_FINAL_LABEL_RULE)).toBe("majority: more than 50% of the annotations");
    expect(describeRule({ ...unanimous, minAnnotations: 3 })).toBe(
      "unanimous: every annotation agrees, at least 3 annotations",
    );
    expect(describeRule(minAgreement(0.75))).toBe("minimum agreement: at least 75% of annotator pairs agree");
  });

  it("says what the default applies to rankings and rubrics: mean rank, lower median", () => {
    expect(describeRule(DEFAULT_FINAL_LABEL_RULE, "ranking")).toBe(
      "mean rank: the responses ordered by their mean rank over the annotations (equal means share a rank)",
    );
    expect(describeRule({ ...DEFAULT_FINAL_LABEL_RULE, minAnnotations: 2 }, "rubric")).toBe(
      "median: each criterion's lower median over the annotations, at least 2 annotations",
    );
    expect(describeRule(DEFAULT_FINAL_LABEL_RULE, "pairwise")).toBe(
      "majority: more than 50% of the annotations",
    );
    // Other kinds of rule compare whole answers, whatever the definition's kind.
    expect(describeRule(unanimous, "ranking")).toBe("unanimous: every annotation agrees");
  });
});
