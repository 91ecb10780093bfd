import "server-only";
import { kendallW } from "@/lib/agreement/kendall-w";
import { disputedResponses } from "@/lib/agreement/ranking-agreement";
import { feedbackEstimates, isRanking } from "@/lib/agreement/report-feedback";
import { getPool } from "@/lib/db";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { responsesOf } from "@/lib/label-definitions/feedback-value-schema";
import type { TDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import { itemLabels, previewOf } from "./list-disagreement-items";
import type { TDefinitionAnalysis } from "./load-project-analysis";
import { currentLabelsSql } from "./current-labels-sql";

type TBody = Omit<TDefinitionAgreement, "key" | "title" | "kind" | "version" | "versions" | "summary">;
type TFound = Extract<TDefinitionAnalysis, { type: "feedback" }>;
type TShown = (user: string) => string;

const LIMIT = 20;

/**
 * The drill-down of a ranking or rubric: per criterion alpha (rubrics), and the items annotators
 * disagree about most (rankings: lowest Kendall's W, then each item's responses ordered by how far
 * apart their ranks are; rubrics: the widest spread of scores relative to the scale).
 */
export async function feedbackDetail(found: TFound, version: number | null, shown: TShown): Promise<TBody> {
  const { definition, groups, kind } = found;
  const patterns = version === null ? groups.all : (groups.byVersion.get(version) ?? []);
  const estimates = feedbackEstimates(kind, patterns, groups.criteria);
  const spec = (definition.versions.find((v) => v.version === version) ?? definition.versions[0])?.spec;
  const { rows } = await getPool().query<[string, string[]]>({
    text: `SELECT item_id::text, array_agg(value::text ORDER BY user_id) FROM (${await currentLabelsSql(definition.id)}) c
            GROUP BY item_id HAVING count(*) >= 2`,
    values: [definition.id, version],
    rowMode: "array",
  });
  const scored = rows.map(([itemId, texts]) => {
    const values = texts.map((t) => JSON.parse(t) as unknown);
    return {
      itemId,
      score: kind === "ranking" ? rankingScore(values) : rubricScore(values, spec),
      n: values.length,
    };
  });
  scored.sort((a, b) => a.score - b.score || b.n - a.n || Number(a.itemId) - Number(b.itemId));
  const worst = await itemLabels(
    definition.id,
    version,
    scored.slice(0, LIMIT).map((s) => s.itemId),
  );
  const scoreOf = new Map(scored.map((s) => [s.itemId, s.score]));
  return {
    perOption: estimates.criteria.map((c) => ({
      metric: "alpha_ordinal" as const,
      option: c.key,
      label: c.title,
      value: c.value,
      ci: c.ci,
      itemsCompared: c.items,
    })),
    categories: [],
    confusion: null,
    annotators: [],
    matrix: { annotators: [], statistic: "kappa", cells: [] },
    disagreements: worst.map((item) => {
      const values = item.labels.map(([, text]) => JSON.parse(text) as unknown);
      const responses = kind === "ranking" && spec?.kind === "ranking" ? responsesOf(spec, item.data) : null;
      return {
        itemId: item.itemId,
        externalId: item.externalId,
        // A ranking's item reads as its prompt: the responses are listed below it.
        preview:
          spec?.kind === "ranking" && spec.promptField !== undefined
            ? previewOf({ prompt: item.data[spec.promptField] })
            : item.preview,
        agreement: Math.max(0, scoreOf.get(item.itemId) ?? 0),
        labels: item.labels.map(([user, text]) => ({ annotator: shown(user), value: text })),
        ...(kind === "ranking"
          ? {
              responses: disputedResponses(values.filter(isRanking)).map((r) => ({
                ...r,
                text: (responses?.[r.position] ?? "").slice(0, 240),
              })),
            }
          : {}),
      };
    }),
  };
}

/** Kendall's W of the item (1 = full agreement); an undefined W (all tied) counts as agreement. */
function rankingScore(values: unknown[]): number {
  const rankings = values.filter(isRanking);
  const n = Math.max(...rankings.map((r) => r.length));
  return kendallW(rankings.filter((r) => r.length === n)) ?? 1;
}

/** 1 − the mean over criteria of the score range relative to the scale (1 = everyone gave the same scores). */
function rubricScore(values: unknown[], spec: TLabelDefinitionSpec | undefined): number {
  if (spec?.kind !== "rubric") return 1;
  const { criteria } = spec;
  let total = 0;
  for (const c of criteria) {
    const scores = values.map((v) => (v as Record<string, number>)[c.key]).filter(Number.isInteger);
    if (scores.length >= 2) total += (Math.max(...scores) - Math.min(...scores)) / (c.max - c.min);
  }
  return 1 - total / Math.max(1, criteria.length);
}
