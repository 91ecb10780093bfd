import { alphaOnPatterns, type TEstimate } from "./pattern-alpha";
import { weightedPatterns } from "./pattern-table";

/** Items sharing one pattern: the same multiset of rubric values, and how many items have it. */
export type TRubricPattern = { values: readonly Readonly<Record<string, number>>[]; items: number };

export type TCriterionAgreement = { key: string; title: string; metric: "alpha_ordinal" } & TEstimate;

/**
 * Krippendorff's ordinal alpha per criterion (units: items; values: the criterion's scores), each
 * with its bootstrap interval (items resampled). A value without a criterion (from an older version)
 * does not rate that criterion.
 */
export function rubricAgreement(
  criteria: readonly { key: string; title: string }[],
  patterns: readonly TRubricPattern[],
): TCriterionAgreement[] {
  return criteria.map(({ key, title }) => {
    const scores = new Set<number>();
    for (const p of patterns) for (const v of p.values) if (Number.isInteger(v[key])) scores.add(v[key]);
    const values = [...scores].sort((a, b) => a - b);
    const index = new Map(values.map((v, i) => [v, i]));
    const units = patterns.map((p): [Map<number, number>, number] => {
      const counts = new Map<number, number>();
      for (const v of p.values) {
        const i = index.get(v[key]);
        if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      return [counts, p.items];
    });
    const { table, weights } = weightedPatterns(
      values,
      units.filter(([counts]) => counts.size > 0),
    );
    return { key, title, metric: "alpha_ordinal" as const, ...alphaOnPatterns(table, weights, "ordinal") };
  });
}
