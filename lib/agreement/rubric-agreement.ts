import { alphaOnPatterns, type TEstimate } from "./pattern-alpha";
import { PatternTableBuilder } from "./pattern-table";

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
    const builder = new PatternTableBuilder(values);
    const weightOf = new Map<number, number>();
    for (const p of patterns) {
      const counts = new Map<number, number>();
      for (const v of p.values) {
        const i = index.get(v[key]);
        if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      if (counts.size === 0 || p.items <= 0) continue;
      const g = builder.add(counts);
      weightOf.set(g, (weightOf.get(g) ?? 0) + p.items);
    }
    const table = builder.build();
    const weights = new Float64Array(table.patternCount);
    for (const [g, w] of weightOf) weights[g] = w;
    return { key, title, metric: "alpha_ordinal" as const, ...alphaOnPatterns(table, weights, "ordinal") };
  });
}
