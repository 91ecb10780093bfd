import { describe, expect, it } from "vitest";
import { ZLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { lowerMedianRubric, meanRankRanking } from "./aggregate-feedback";
import { computeFinalLabel } from "./final-label";
import { DEFAULT_FINAL_LABEL_RULE } from "./rules";

describe("meanRankRanking", () => {
  it("orders responses by mean rank, dense, equal means sharing a rank", () => {
    // Means: r0 (1+2+1)/3 = 4/3, r1 (2+1+3)/3 = 2, r2 (3+3+2)/3 = 8/3, r3 (4+4+4)/3 = 4.
    expect(
      meanRankRanking([
        [1, 2, 3, 4],
        [2, 1, 3, 4],
        [1, 3, 2, 4],
      ]),
    ).toEqual([1, 2, 3, 4]);
    // Means: r0 1.5, r1 1.5, r2 3: r0 and r1 share rank 1, r2 is 2 (dense).
    expect(
      meanRankRanking([
        [1, 2, 3],
        [2, 1, 3],
      ]),
    ).toEqual([1, 1, 2]);
    // With ties in the input: r0 (1+1)/2 = 1, r1 (2+1)/2 = 1.5, r2 (2+2)/2 = 2.
    expect(
      meanRankRanking([
        [1, 2, 2],
        [1, 1, 2],
      ]),
    ).toEqual([1, 2, 3]);
    expect(meanRankRanking([])).toBeNull();
  });
});

describe("lowerMedianRubric", () => {
  it("takes each criterion's lower median", () => {
    const criteria = [{ key: "a" }, { key: "b" }];
    expect(
      lowerMedianRubric(criteria, [
        { a: 1, b: 3 },
        { a: 5, b: 2 },
        { a: 4, b: 2 },
      ]),
    ).toEqual({ a: 4, b: 2 });
    // Even count: the lower of the two middle scores (3 of 3 and 4).
    expect(
      lowerMedianRubric(criteria, [
        { a: 4, b: 1 },
        { a: 3, b: 5 },
      ]),
    ).toEqual({ a: 3, b: 1 });
  });
});

describe("final labels of rankings and rubrics under the default rule", () => {
  const rank = ZLabelDefinitionSpec.parse({ key: "rank", kind: "ranking" });
  const rubric = ZLabelDefinitionSpec.parse({
    key: "q",
    kind: "rubric",
    criteria: [{ key: "a", min: 1, max: 5 }],
  });
  const ann = (value: unknown, i: number) => ({ userId: `u${i}`, version: 1, value });

  it("resolves a ranking nobody gave exactly (no majority) to the mean-rank order", () => {
    const final = computeFinalLabel(
      rank,
      DEFAULT_FINAL_LABEL_RULE,
      [
        [1, 2, 3],
        [2, 1, 3],
        [1, 3, 2],
      ].map(ann),
      null,
    );
    expect(final).toMatchObject({ isResolved: true, source: "rule", value: [1, 2, 3] });
  });

  it("resolves a rubric to the lower medians, and an adjudication still wins", () => {
    const values = [{ a: 2 }, { a: 5 }].map(ann);
    expect(computeFinalLabel(rubric, DEFAULT_FINAL_LABEL_RULE, values, null).value).toEqual({ a: 2 });
    expect(
      computeFinalLabel(rubric, DEFAULT_FINAL_LABEL_RULE, values, { value: { a: 4 }, isGold: false }),
    ).toMatchObject({
      source: "adjudication",
      value: { a: 4 },
    });
  });

  it("keeps waiting below the rule's minimum of annotations, and other rules judge exact answers", () => {
    const rule = { ...DEFAULT_FINAL_LABEL_RULE, minAnnotations: 3 };
    expect(computeFinalLabel(rank, rule, [[1, 2, 3]].map(ann), null).isResolved).toBe(false);
    const unanimous = { ...DEFAULT_FINAL_LABEL_RULE, kind: "unanimous" as const };
    expect(
      computeFinalLabel(
        rank,
        unanimous,
        [
          [1, 2, 3],
          [2, 1, 3],
        ].map(ann),
        null,
      ).isResolved,
    ).toBe(false);
    expect(
      computeFinalLabel(
        rank,
        unanimous,
        [
          [1, 2, 3],
          [1, 2, 3],
        ].map(ann),
        null,
      ).value,
    ).toEqual([1, 2, 3]);
  });
});
