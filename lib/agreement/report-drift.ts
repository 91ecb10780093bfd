import { detectDrift } from "@/lib/drift/detect-drift";
import type { TDefinitionDrift } from "@/lib/schemas/agreement-drift";
import { primaryEstimate } from "./definition-estimates";
import { valueDistribution } from "./pattern-table";
import { weekLabel, type TDefinitionHeader, type TPatternGroups } from "./report-patterns";
import { spanTrend, type TSpanGroups } from "./report-spans";
import { primaryMetric } from "./label-values";
import { markedOffsets } from "./span-presence";

type TBatch = { id: string; name: string };

/** Label distribution and agreement per batch and per week, with drift flags, for a categorical definition. */
export function patternDrift(
  header: TDefinitionHeader,
  groups: TPatternGroups,
  batches: readonly TBatch[],
): TDefinitionDrift {
  const hasCategories = header.kind !== "free_text";
  const windows = (entries: [string, Float64Array][], labelOf: (w: string) => string) =>
    detectDrift(
      entries.map(([window, weights]) => {
        const e = primaryEstimate(header.kind, groups.dict, groups.table, weights);
        return {
          window,
          label: labelOf(window),
          distribution: hasCategories ? Array.from(valueDistribution(groups.table, weights)) : [],
          agreement: { window, label: labelOf(window), value: e.value, ci: e.ci, itemsCompared: e.items },
        };
      }),
    );
  const batchName = new Map(batches.map((b) => [b.id, b.name]));
  return {
    ...header,
    metric: primaryMetric(header.kind),
    categories: hasCategories
      ? groups.dict.values.map((v, i) => ({ value: String(v), label: groups.dict.labels[i] }))
      : [],
    byBatch: windows(
      batches.filter((b) => groups.byBatch.has(b.id)).map((b) => [b.id, groups.byBatch.get(b.id)!]),
      (id) => batchName.get(id) ?? id,
    ),
    byWeek: windows([...groups.byWeek], weekLabel),
  };
}

/**
 * The same for spans, twice. Which entity labels annotators give: the distribution of labels over
 * marked spans, with overlap F1. Whether they mark anything at all: the share of annotations that
 * mark something, with the item-macro character F1, so a guideline change such as "do not mark
 * slurs quoted from someone else" shows up even though it changes no entity label.
 */
export function spanDrift(
  header: TDefinitionHeader,
  groups: TSpanGroups,
  batches: readonly TBatch[],
): TDefinitionDrift {
  const labels = [...groups.labels];
  const seen = new Set(labels.map((l) => l.key));
  for (const item of groups.items)
    for (const l of item.labels)
      for (const s of l.spans)
        if (!seen.has(s.label)) {
          seen.add(s.label);
          labels.push({ key: s.label, title: s.label });
        }
  const index = new Map(labels.map((l, i) => [l.key, i]));
  const byLabel = (item: TSpanGroups["items"][number], d: number[]) => {
    for (const l of item.labels) for (const s of l.spans) d[index.get(s.label)!]++;
  };
  const byPresence = (item: TSpanGroups["items"][number], d: number[]) => {
    for (const l of item.labels) d[markedOffsets(l.spans).size > 0 ? 0 : 1]++;
  };
  const series = (
    categories: number,
    count: (item: TSpanGroups["items"][number], d: number[]) => void,
    measure: "span_f1_overlap" | "char_f1_item_macro",
  ) => ({
    byBatch: spanWindows(groups, categories, count, measure, {
      windowOf: (item) => item.batch,
      labelOf: (id) => batchName.get(id) ?? id,
      sort: (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    }),
    byWeek: spanWindows(groups, categories, count, measure, {
      windowOf: (item) => item.week,
      labelOf: weekLabel,
      sort: (a, b) => (a < b ? -1 : 1),
    }),
  });
  const batchName = new Map(batches.map((b) => [b.id, b.name]));
  const order = new Map(batches.map((b, i) => [b.id, i]));
  return {
    ...header,
    metric: "span_f1_overlap",
    categories: labels.map((l) => ({ value: l.key, label: l.title })),
    ...series(labels.length, byLabel, "span_f1_overlap"),
    anySpan: {
      metric: "char_f1_item_macro",
      categories: [
        { value: "marked", label: "Marked something" },
        { value: "nothing", label: "Marked nothing" },
      ],
      ...series(2, byPresence, "char_f1_item_macro"),
    },
  };
}

function spanWindows(
  groups: TSpanGroups,
  categories: number,
  count: (item: TSpanGroups["items"][number], distribution: number[]) => void,
  measure: "span_f1_overlap" | "char_f1_item_macro",
  by: {
    windowOf: (item: TSpanGroups["items"][number]) => string | null;
    labelOf: (w: string) => string;
    sort: (a: string, b: string) => number;
  },
) {
  const distributions = new Map<string, number[]>();
  for (const item of groups.items) {
    const w = by.windowOf(item);
    if (w === null) continue;
    if (!distributions.has(w)) distributions.set(w, new Array<number>(categories).fill(0));
    count(item, distributions.get(w)!);
  }
  const trend = new Map(spanTrend(groups, by.windowOf, by.labelOf, measure).map((p) => [p.window, p]));
  return detectDrift(
    [...distributions.keys()].sort(by.sort).map((window) => ({
      window,
      label: by.labelOf(window),
      distribution: distributions.get(window)!,
      agreement: trend.get(window) ?? {
        window,
        label: by.labelOf(window),
        value: null,
        ci: null,
        itemsCompared: 0,
      },
    })),
  );
}
