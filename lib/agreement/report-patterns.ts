import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import type { TAgreementResult, TFigure, TTrendPoint } from "@/lib/schemas/agreement";
import {
  METRIC_NAMES,
  primaryEstimate,
  secondaryEstimates,
  type TMetricEstimate,
} from "./definition-estimates";
import type { TValueDictionary } from "./label-values";
import { itemAndRatingCounts, type TPatternTable } from "./pattern-table";
import { readingFor } from "./reading";

/** A definition's annotations as item patterns, with the weights of each group of items. */
export type TPatternGroups = {
  dict: TValueDictionary;
  table: TPatternTable;
  /** Versions that have annotations, ascending. */
  versions: number[];
  byVersion: Map<number, Float64Array>;
  all: Float64Array;
  /** Week start (ISO date) -> weights, ascending. */
  byWeek: Map<string, Float64Array>;
  /** Batch id -> weights, in import order. */
  byBatch: Map<string, Float64Array>;
  /** Annotators (user ids) with a label, per version. */
  annotators: Map<number, Set<string>>;
};

export type TDefinitionHeader = { key: string; title: string; kind: TLabelKind };

export function toFigure(e: TMetricEstimate): TFigure {
  return {
    metric: e.metric,
    ...(e.option !== undefined ? { option: e.option, label: e.label } : {}),
    value: e.value,
    ci: e.ci,
    itemsCompared: e.items,
  };
}

/** One result: the primary statistic with its reading, counts and the figures alongside. */
export function resultFor(
  header: TDefinitionHeader,
  version: number | null,
  primary: TMetricEstimate,
  also: TMetricEstimate[],
  counts: { annotators: number; itemsLabeled: number; labels: number },
): TAgreementResult {
  const reading = readingFor(primary.metric, primary.value, primary.ci, primary.items);
  return {
    key: header.key,
    title: header.title,
    kind: header.kind,
    version,
    metric: primary.metric,
    metricName: METRIC_NAMES[primary.metric],
    value: primary.value,
    ci: primary.ci,
    itemsCompared: primary.items,
    annotators: counts.annotators,
    itemsLabeled: counts.itemsLabeled,
    labels: counts.labels,
    reading: reading.reading,
    readingText: reading.text,
    also: also.map(toFigure),
  };
}

/** The primary statistic per window (week or batch), in window order. */
export function trendOf(
  kind: TLabelKind,
  groups: TPatternGroups,
  windows: Map<string, Float64Array>,
  labelOf: (window: string) => string,
): TTrendPoint[] {
  return [...windows].map(([window, weights]) => {
    const e = primaryEstimate(kind, groups.dict, groups.table, weights);
    return { window, label: labelOf(window), value: e.value, ci: e.ci, itemsCompared: e.items };
  });
}

/** Results per version (ascending) and one over all versions with its weekly trend. */
export function patternResults(header: TDefinitionHeader, groups: TPatternGroups): TAgreementResult[] {
  const { kind } = header;
  const out: TAgreementResult[] = [];
  const everyone = new Set<string>();
  // With a single version, that version's weights are the all-versions weights: estimate them once.
  const estimates = new Map<Float64Array, { primary: TMetricEstimate; also: TMetricEstimate[] }>();
  const one = (version: number | null, weights: Float64Array, annotators: number) => {
    const counts = itemAndRatingCounts(groups.table, weights);
    let e = estimates.get(weights);
    if (!e) {
      e = {
        primary: primaryEstimate(kind, groups.dict, groups.table, weights),
        also: secondaryEstimates(kind, groups.dict, groups.table, weights),
      };
      estimates.set(weights, e);
    }
    return resultFor(header, version, e.primary, e.also, {
      annotators,
      itemsLabeled: counts.items,
      labels: counts.ratings,
    });
  };
  for (const version of groups.versions) {
    const users = groups.annotators.get(version) ?? new Set<string>();
    users.forEach((u) => everyone.add(u));
    out.push(one(version, groups.byVersion.get(version)!, users.size));
  }
  const all = one(null, groups.all, everyone.size);
  all.trend = trendOf(kind, groups, groups.byWeek, weekLabel);
  out.push(all);
  return out;
}

/** "Week of 3 Nov 2026" style label for a week-start ISO date. */
export function weekLabel(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return `Week of ${d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}`;
}
