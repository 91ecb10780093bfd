import type { TRubricSpec } from "@/lib/label-definitions/definition-spec";
import type { TAgreementResult } from "@/lib/schemas/agreement";
import type { TMetricEstimate } from "./definition-estimates";
import { rankingAgreement, type TRankingPattern } from "./ranking-agreement";
import { resultFor, type TDefinitionHeader } from "./report-patterns";
import { rubricAgreement, type TCriterionAgreement, type TRubricPattern } from "./rubric-agreement";

/** Items sharing one multiset of values (parsed JSON), and how many items have it. */
export type TValuePattern = { values: unknown[]; items: number };

/** A ranking or rubric definition's current annotations as item patterns, per version and over all. */
export type TFeedbackGroups = {
  /** Versions that have annotations, ascending. */
  versions: number[];
  byVersion: Map<number, TValuePattern[]>;
  all: TValuePattern[];
  annotators: Map<number, Set<string>>;
  /** The criteria of every version, newest titles first (rubrics). */
  criteria: { key: string; title: string }[];
};

export function criteriaOf(specsNewestFirst: readonly { kind: string }[]): { key: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const spec of specsNewestFirst)
    if (spec.kind === "rubric")
      for (const c of (spec as TRubricSpec).criteria) if (!seen.has(c.key)) seen.set(c.key, c.title);
  return [...seen].map(([key, title]) => ({ key, title }));
}

export const isRanking = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((r) => Number.isInteger(r));
const isRubric = (v: unknown): v is Record<string, number> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function rankingPatterns(patterns: readonly TValuePattern[]): TRankingPattern[] {
  return patterns.map((p) => ({ rankings: p.values.filter(isRanking), items: p.items }));
}

export function rubricPatterns(patterns: readonly TValuePattern[]): TRubricPattern[] {
  return patterns.map((p) => ({ values: p.values.filter(isRubric), items: p.items }));
}

/**
 * The figures of one group of items. Ranking: ordinal alpha over (item, response position), mean
 * Kendall's W alongside. Rubric: ordinal alpha per criterion; the headline is the least reliable
 * criterion (a rubric is only as trustworthy as its weakest scale, ADR 016).
 */
export function feedbackEstimates(
  kind: "ranking" | "rubric",
  patterns: readonly TValuePattern[],
  criteria: readonly { key: string; title: string }[],
): { primary: TMetricEstimate; also: TMetricEstimate[]; criteria: TCriterionAgreement[] } {
  if (kind === "ranking") {
    const { alpha, kendallW } = rankingAgreement(rankingPatterns(patterns));
    return {
      primary: { metric: "alpha_ordinal_ranks", ...alpha },
      also: [{ metric: "kendall_w_mean", ...kendallW }],
      criteria: [],
    };
  }
  const perCriterion = rubricAgreement(criteria, rubricPatterns(patterns));
  const defined = perCriterion.filter((c) => c.value !== null);
  const weakest = defined.reduce<TCriterionAgreement | null>(
    (low, c) => (low === null || c.value! < low.value! ? c : low),
    null,
  );
  const items = Math.max(0, ...perCriterion.map((c) => c.items));
  return {
    primary: weakest
      ? { metric: "alpha_ordinal", value: weakest.value, ci: weakest.ci, items: weakest.items }
      : { metric: "alpha_ordinal", value: null, ci: null, items },
    also: [],
    criteria: perCriterion,
  };
}

function counts(patterns: readonly TValuePattern[]) {
  let itemsLabeled = 0;
  let labels = 0;
  for (const p of patterns) {
    itemsLabeled += p.items;
    labels += p.items * p.values.length;
  }
  return { itemsLabeled, labels };
}

/** Results per version (ascending) and one over all versions. */
export function feedbackResults(
  header: TDefinitionHeader & { kind: "ranking" | "rubric" },
  groups: TFeedbackGroups,
): TAgreementResult[] {
  const everyone = new Set<string>();
  // With one version, its patterns are those over all versions (the same array): estimate them once.
  const estimated = new Map<TValuePattern[], ReturnType<typeof feedbackEstimates>>();
  const one = (version: number | null, patterns: TValuePattern[], annotators: number) => {
    let e = estimated.get(patterns);
    if (e === undefined)
      estimated.set(patterns, (e = feedbackEstimates(header.kind, patterns, groups.criteria)));
    const result = resultFor(header, version, e.primary, e.also, { annotators, ...counts(patterns) });
    if (header.kind === "rubric")
      result.criteria = e.criteria.map((c) => ({
        key: c.key,
        title: c.title,
        metric: c.metric,
        value: c.value,
        ci: c.ci,
        itemsCompared: c.items,
      }));
    return result;
  };
  const out = groups.versions.map((version) => {
    const users = groups.annotators.get(version) ?? new Set<string>();
    users.forEach((u) => everyone.add(u));
    return one(version, groups.byVersion.get(version) ?? [], users.size);
  });
  out.push(one(null, groups.all, everyone.size));
  return out;
}
