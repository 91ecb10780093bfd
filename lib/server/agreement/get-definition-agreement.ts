import "server-only";
import { annotatorReport } from "@/lib/agreement/annotator-report";
import { positionBias } from "@/lib/agreement/position-bias";
import { optionAlphas } from "@/lib/agreement/definition-estimates";
import { canonicalValue, dictionaryFor, displayValue, valueIndex } from "@/lib/agreement/label-values";
import { labelPairCounts, valueDistribution } from "@/lib/agreement/pattern-table";
import { toFigure } from "@/lib/agreement/report-patterns";
import { spanEstimates, spanItemsOf, spanVersions } from "@/lib/agreement/report-spans";
import { rankSpanDisagreements } from "@/lib/agreement/span-disagreements";
import { spanAnnotatorReport } from "@/lib/agreement/span-annotators";
import type { TAgreementResult } from "@/lib/schemas/agreement";
import type { TDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import { notFound } from "@/lib/server/errors";
import { cachedByStamp } from "./agreement-cache";
import { feedbackDetail } from "./feedback-detail";
import { agreementOverviewOf } from "./get-agreement-overview";
import { itemLabels, listDisagreementItems, type TItemLabels } from "./list-disagreement-items";
import { loadAnnotatorPairs, type TAnnotatorPairRows } from "./load-annotator-pairs";
import { loadPositionBias } from "./load-position-bias";
import { analysisTypeOf, projectAnalysisOf, type TDefinitionAnalysis } from "./load-project-analysis";
import type { TDefinitionWithVersions } from "./load-definitions";
import { loadStampedInputs } from "./load-stamped-inputs";
import { loadUserNames } from "./load-user-names";

/** Confusion tables with more categories than this (e.g. many distinct label sets) are left out. */
const MAX_CONFUSION_CATEGORIES = 30;

type TDisplay = (user: string, rank: number) => { id: string; name: string };
type TBody = Omit<TDefinitionAgreement, "key" | "title" | "kind" | "version" | "versions" | "summary">;

/**
 * The drill-down for one definition (one version, or all): per option, per annotator and pair of
 * annotators, the confusion between annotators' labels and the items with the most disagreement.
 * Leads see who is who; engineers see pseudonyms (they read agreement, not individuals' labels).
 */
export async function getDefinitionAgreement(
  projectId: string,
  key: string,
  version: number | null,
  showNames: boolean,
): Promise<TDefinitionAgreement> {
  const inputs = await loadStampedInputs(projectId);
  const definition = inputs.definitions.find((d) => d.key === key);
  if (!definition) throw notFound("Label definition");
  if (version !== null && !definition.versions.some((v) => v.version === version)) throw notFound("Version");
  const cacheKey = `definition:${projectId}:${key}:${version ?? "all"}:${showNames ? "names" : "pseudonyms"}`;
  return cachedByStamp(cacheKey, inputs.stamp, async () => {
    // The pair and disagreement reads need only the definition: they go out beside the analysis's
    // (one wait for the database instead of two; each is a turn behind the labelers' queries).
    const reads = analysisTypeOf(definition.kind) === "patterns" ? patternReads(definition, version) : null;
    const analysis = await projectAnalysisOf(projectId, inputs);
    const found = analysis.definitions.find((d) => d.definition.key === key)!;
    const names = showNames ? loadUserNames(annotatorsOf(found)) : Promise.resolve(new Map<string, string>());
    // Names are needed only once the detail's rows are in: their query runs beside the detail's.
    const display: Promise<TDisplay> = names.then(
      (byId) => (user, rank) =>
        showNames
          ? { id: user, name: byId.get(user) ?? "Unknown user" }
          : { id: `a${rank}`, name: `Annotator ${rank}` },
    );
    const body =
      found.type === "spans"
        ? spanDetail(found, version, display)
        : found.type === "feedback"
          ? display.then((d) =>
              feedbackDetail(found, version, (user) => d(user, pseudonymRank(found, user)).name),
            )
          : patternDetail(found, version, reads!, display);
    // The overview of this very analysis (a second read of the stamp, which moves with every label,
    // would load and compute it all again), computed while the detail's queries are out.
    const [{ definitions }, detail] = await Promise.all([agreementOverviewOf(projectId, analysis), body]);
    const all = definitions.find((d) => d.key === key && d.version === null)!;
    const summary =
      definitions.find((d) => d.key === key && d.version === version) ?? emptySummary(all, version);
    return {
      key,
      title: found.definition.title,
      kind: found.definition.kind,
      version,
      versions: found.type === "spans" ? spanVersions(found.groups) : found.groups.versions,
      summary,
      ...detail,
    };
  });
}

function emptySummary(all: TAgreementResult, version: number | null): TAgreementResult {
  return {
    ...all,
    version,
    value: null,
    ci: null,
    itemsCompared: 0,
    annotators: 0,
    itemsLabeled: 0,
    labels: 0,
    reading: "undefined",
    readingText: "No labels under this version yet.",
    also: [],
    trend: undefined,
  };
}

/** A stable pseudonym number: the annotator's place among the definition's annotators by id. */
function pseudonymRank(found: TDefinitionAnalysis, user: string): number {
  return annotatorsOf(found).sort().indexOf(user) + 1;
}

function annotatorsOf(found: TDefinitionAnalysis): string[] {
  if (found.type === "patterns" || found.type === "feedback")
    return [...new Set([...found.groups.annotators.values()].flatMap((s) => [...s]))];
  return [...new Set(found.groups.items.flatMap((item) => item.labels.map((l) => l.annotator)))];
}

type TPatternReads = Promise<[TAnnotatorPairRows, TItemLabels[], Parameters<typeof positionBias>[0] | null]>;

/** A pattern definition's own reads: who agreed with whom, the worst items, position bias (pairwise). */
function patternReads(definition: TDefinitionWithVersions, version: number | null): TPatternReads {
  const reads = Promise.all([
    loadAnnotatorPairs(definition.id, version),
    listDisagreementItems(definition.id, version, definition.kind),
    definition.kind === "pairwise" ? loadPositionBias(definition.id, version) : Promise.resolve(null),
  ] as const);
  // Awaited only once the analysis is in: a failure before then must not count as unhandled (or, if
  // the analysis fails first, ever be awaited at all).
  reads.catch(() => undefined);
  return reads;
}

async function patternDetail(
  found: Extract<TDefinitionAnalysis, { type: "patterns" }>,
  version: number | null,
  reads: TPatternReads,
  displayLoaded: Promise<TDisplay>,
): Promise<TBody> {
  const { definition, groups } = found;
  const { kind } = definition;
  const weights =
    version === null
      ? groups.all
      : (groups.byVersion.get(version) ?? new Float64Array(groups.table.patternCount));
  // A copy of the cached dictionary: the pair rows may bring values the patterns never met.
  const dict = dictionaryFor(
    kind,
    definition.versions.map((v) => v.spec),
  );
  groups.dict.values.forEach((v) => valueIndex(dict, v));
  const [[pairRows, worst, sideAnswers], display] = await Promise.all([reads, displayLoaded]);
  // Each value's text parsed once: 12,000 pair rows at 1,000,000 items carry a handful of values.
  const indexes = new Map<string, number>();
  const indexOf = (text: string) => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = valueIndex(dict, canonicalValue(dict, JSON.parse(text)) ?? text);
      indexes.set(text, index);
    }
    return index;
  };
  const report = annotatorReport(
    pairRows.pairs.map(([a, b, va, vb, items]) => ({ a, b, va: indexOf(va), vb: indexOf(vb), items })),
    pairRows.users.map(([user, labels, shared]) => ({ user, labels, shared })),
    dict.values,
    { weights: kind === "rating" ? "linear" : undefined, withKappa: kind !== "free_text", display },
  );
  const distribution = valueDistribution(groups.table, weights);
  const shown =
    kind === "free_text"
      ? []
      : groups.dict.values.flatMap((_, i) => (kind !== "multi_choice" || distribution[i] > 0 ? [i] : []));
  const pairCounts = labelPairCounts(groups.table, weights);
  const agreementOf = (labels: [string, string][]) => {
    const counts = new Map<number, number>();
    for (const [, text] of labels) counts.set(indexOf(text), (counts.get(indexOf(text)) ?? 0) + 1);
    let agreeing = 0;
    for (const c of counts.values()) agreeing += c * (c - 1);
    return labels.length < 2 ? 1 : agreeing / (labels.length * (labels.length - 1));
  };
  return {
    perOption:
      kind === "free_text" ? [] : optionAlphas(kind, groups.dict, groups.table, weights).map(toFigure),
    categories: shown.map((i) => ({
      value: String(groups.dict.values[i]),
      label: groups.dict.labels[i],
      count: distribution[i],
    })),
    confusion:
      shown.length === 0 || shown.length > MAX_CONFUSION_CATEGORIES
        ? null
        : shown.map((i) => shown.map((j) => pairCounts[i][j])),
    annotators: report.annotators,
    matrix: {
      ...report.matrix,
      statistic: kind === "free_text" ? "exact_match" : kind === "rating" ? "kappa_linear" : "kappa",
    },
    disagreements: worst.map((item) =>
      showItem(item, agreementOf(item.labels), report.shown, (text) => displayValue(dict, text)),
    ),
    ...(sideAnswers ? { positionBias: showBias(sideAnswers, report.shown, display) } : {}),
  };
}

/** Position bias under the names (or pseudonyms) of the annotator table; others ranked after them. */
function showBias(
  rows: Parameters<typeof positionBias>[0],
  shown: ReadonlyMap<string, { id: string; name: string }>,
  display: TDisplay,
): NonNullable<TBody["positionBias"]> {
  let rank = shown.size;
  return positionBias(rows).map(({ user, ...bias }) => ({
    ...(shown.get(user) ?? display(user, ++rank)),
    ...bias,
  }));
}

async function spanDetail(
  found: Extract<TDefinitionAnalysis, { type: "spans" }>,
  version: number | null,
  displayLoaded: Promise<TDisplay>,
): Promise<TBody> {
  const { definition, groups } = found;
  const items = spanItemsOf(groups, version);
  const worst = rankSpanDisagreements(
    items,
    groups.items.map((item) => item.itemId),
  );
  const [labelled, display] = await Promise.all([
    itemLabels(
      definition.id,
      version,
      worst.map((w) => w.itemId),
    ),
    displayLoaded,
  ]);
  const estimates = spanEstimates(items, groups.labels);
  const report = spanAnnotatorReport(
    items,
    groups.labels.map((l) => l.key),
    display,
  );
  const titles = new Map(groups.labels.map((l) => [l.key, l.title]));
  const spanCounts = new Map<string, number>();
  for (const item of items)
    for (const a of item)
      for (const s of a.spans) spanCounts.set(s.label, (spanCounts.get(s.label) ?? 0) + 1);
  const dict = dictionaryFor(
    "spans",
    definition.versions.map((v) => v.spec),
  );
  const byItem = new Map(labelled.map((item) => [item.itemId, item]));
  // Versions come newest first; a version's spans index into the text field it named.
  const spec = (definition.versions.find((v) => v.version === version) ?? definition.versions[0])?.spec;
  const textField = spec?.kind === "spans" ? spec.textField : "text";
  return {
    perOption: estimates.also.filter((e) => e.option !== undefined).map(toFigure),
    categories: report.confusion.labels.map((l) => ({
      value: l,
      label: titles.get(l) ?? l,
      count: spanCounts.get(l) ?? 0,
    })),
    confusion: report.confusion.counts,
    annotators: report.annotators,
    matrix: { ...report.matrix, statistic: "f1" },
    disagreements: worst.flatMap((w) => {
      const item = byItem.get(w.itemId);
      if (!item) return [];
      const text = item.data[textField];
      return [
        {
          ...showItem(item, w.charF1, report.shown, (t) => displayValue(dict, t)),
          spans: {
            disagreement: w.disagreement,
            text: typeof text === "string" ? text : "",
            labels: items[w.index].map((a) => ({
              annotator: report.shown.get(a.annotator)?.name ?? "Unknown user",
              spans: a.spans.map((s) => ({ ...s, title: titles.get(s.label) ?? s.label })),
            })),
          },
        },
      ];
    }),
  };
}

function showItem(
  item: TItemLabels,
  agreement: number,
  shown: Map<string, { id: string; name: string }>,
  valueText: (json: string) => string,
) {
  return {
    itemId: item.itemId,
    externalId: item.externalId,
    preview: item.preview,
    agreement,
    labels: item.labels.map(([user, text]) => ({
      annotator: shown.get(user)?.name ?? "Unknown user",
      value: valueText(text),
    })),
  };
}
