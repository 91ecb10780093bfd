import type { TAgreementResult, TTrendPoint } from "@/lib/schemas/agreement";
import type { TMetricEstimate } from "./definition-estimates";
import type { TEstimate } from "./pattern-alpha";
import { resultFor, weekLabel, type TDefinitionHeader } from "./report-patterns";
import type { AnnotatorSpans, Span } from "./span-agreement";
import { f1WithInterval, spanItemStats } from "./span-items";
import { spanReadingText } from "./reading-spans";
import { alphaAnySpan, bothEmptyShare, charF1ItemMacro, spanPresenceStats } from "./span-presence";

/** A spans definition's current annotations, item by item. */
export type TSpanGroups = {
  items: {
    itemId: string;
    batch: string | null;
    /** Week (Monday, ISO date) of the item's latest annotation. */
    week: string;
    latest: number;
    /** By annotator, each annotator's in the order they were made. */
    labels: { annotator: string; version: number; spans: Span[] }[];
  }[];
  /** Entity labels of every version, newest titles first. */
  labels: { key: string; title: string }[];
};

export function spanVersions(groups: TSpanGroups): number[] {
  const versions = new Set<number>();
  for (const item of groups.items) for (const l of item.labels) versions.add(l.version);
  return [...versions].sort((a, b) => a - b);
}

/**
 * Each item's annotator span sets, restricted to one version (null: all), one per annotator: an
 * annotator who labeled the item again in a relabel campaign counts with the later label (each
 * annotator's labels come in time order), not as a pair with themselves.
 */
export function spanItemsOf(groups: TSpanGroups, version: number | null): AnnotatorSpans[][] {
  return groups.items.map((item) => {
    const latest = new Map<string, AnnotatorSpans>();
    for (const l of item.labels)
      if (version === null || l.version === version)
        latest.set(l.annotator, { annotator: l.annotator, spans: l.spans });
    return [...latest.values()];
  });
}

const pairable = (items: AnnotatorSpans[][], keep: (i: number) => boolean = () => true) =>
  items.flatMap((item, i) => (item.length >= 2 && keep(i) ? [i] : []));

/**
 * Overlap F1 (primary), exact F1, the "whether" and "character by character" figures and overlap F1
 * per entity label, on one set of items, with the sentence that says which question each answers.
 */
export function spanEstimates(
  items: AnnotatorSpans[][],
  labels: TSpanGroups["labels"],
  subset: number[] = pairable(items),
): { primary: TMetricEstimate; also: TMetricEstimate[]; readingText: string } {
  const overlap = spanItemStats(items, "overlap");
  const exact = spanItemStats(items, "exact");
  const presence = spanPresenceStats(items);
  const where = f1WithInterval(overlap.matched, overlap.total, subset);
  const whereExact = f1WithInterval(exact.matched, exact.total, subset);
  const byCharacter = charF1ItemMacro(presence, subset);
  const bothEmpty = bothEmptyShare(presence, subset);
  const whether = alphaAnySpan(presence, subset);
  const titles = new Map(labels.map((l) => [l.key, l.title]));
  const seen = [...overlap.byLabel.keys()].sort((a, b) => {
    const order = [...titles.keys()];
    return (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || (a < b ? -1 : 1);
  });
  return {
    primary: { metric: "span_f1_overlap", ...where },
    also: [
      { metric: "span_f1_exact", ...whereExact },
      { metric: "char_f1_item_macro", ...byCharacter },
      { metric: "both_empty_share", ...bothEmpty },
      { metric: "alpha_any_span", ...whether },
      ...seen.map((label) => {
        const s = overlap.byLabel.get(label)!;
        return {
          metric: "span_f1_overlap" as const,
          option: label,
          label: titles.get(label) ?? label,
          ...f1WithInterval(s.matched, s.total, subset),
        };
      }),
    ],
    readingText: spanReadingText({ whether, where, whereExact, byCharacter, bothEmpty }),
  };
}

export function spanResults(header: TDefinitionHeader, groups: TSpanGroups): TAgreementResult[] {
  const out: TAgreementResult[] = [];
  const one = (version: number | null) => {
    const items = spanItemsOf(groups, version);
    const { primary, also, readingText } = spanEstimates(items, groups.labels);
    const annotators = new Set(items.flatMap((item) => item.map((a) => a.annotator)));
    const labeled = items.filter((item) => item.length > 0);
    const result = resultFor(header, version, primary, also, {
      annotators: annotators.size,
      itemsLabeled: labeled.length,
      labels: labeled.reduce((n, item) => n + item.length, 0),
    });
    return { ...result, readingText };
  };
  for (const version of spanVersions(groups)) out.push(one(version));
  const all = one(null);
  all.trend = spanTrend(groups, (item) => item.week, weekLabel);
  out.push(all);
  return out;
}

/**
 * Per window (week or batch) of the items, all versions, in window order: overlap F1 (the primary),
 * or the item-macro character F1, which also counts the pairs that agree there is nothing to mark.
 */
export function spanTrend(
  groups: TSpanGroups,
  windowOf: (item: TSpanGroups["items"][number]) => string | null,
  labelOf: (window: string) => string,
  measure: "span_f1_overlap" | "char_f1_item_macro" = "span_f1_overlap",
): TTrendPoint[] {
  const items = spanItemsOf(groups, null);
  let estimate: (subset: number[]) => TEstimate;
  if (measure === "span_f1_overlap") {
    const stats = spanItemStats(items, "overlap");
    estimate = (subset) => f1WithInterval(stats.matched, stats.total, subset);
  } else {
    const stats = spanPresenceStats(items);
    estimate = (subset) => charF1ItemMacro(stats, subset);
  }
  const windows = new Map<string, number[]>();
  groups.items.forEach((item, i) => {
    const w = windowOf(item);
    if (w === null || items[i].length < 2) return;
    if (!windows.has(w)) windows.set(w, []);
    windows.get(w)!.push(i);
  });
  return [...windows]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([window, subset]) => {
      const e = estimate(subset);
      return { window, label: labelOf(window), value: e.value, ci: e.ci, itemsCompared: e.items };
    });
}
