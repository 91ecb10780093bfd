/**
 * What a preview and a manifest say about a set of items: the label distribution per definition
 * and the annotators' agreement (percent agreement, lib/agreement, per definition over the items).
 * Accumulates item by item, so a million items cost a few counters.
 */
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import type { TFinalLabel } from "@/lib/final-labels/final-label";

export const NO_LABEL = "(none)";
export const FREE_TEXT = "(text)";

/** Definition key -> display value -> count. */
export type TLabelDistribution = Record<string, Record<string, number>>;
export type TAgreementSummary = Record<
  string,
  { metric: "percent_agreement"; value: number | null; itemsCompared: number }
>;
export type TSourceCounts = { rule: number; adjudication: number; unresolved: number; gold: number };

export type TSetStatistics = {
  items: number;
  annotations: number;
  labelDistribution: TLabelDistribution;
  agreement: TAgreementSummary;
  sources: Record<string, TSourceCounts>;
};

/** The values a final label counts under: each option of a multi-choice, each span's label. */
export function distributionKeys(kind: TLabelKind, value: unknown): string[] {
  if (value === null || value === undefined) return [NO_LABEL];
  switch (kind) {
    case "multi_choice":
      return Array.isArray(value) ? value.map(String) : [canonicalJson(value)];
    case "spans":
      return Array.isArray(value) ? value.map((s) => String((s as { label?: unknown }).label)) : [];
    case "free_text":
      return [FREE_TEXT];
    default:
      return [typeof value === "string" ? value : canonicalJson(value)];
  }
}

export class SetStatistics {
  private items = 0;
  private annotations = 0;
  private readonly distribution = new Map<string, Map<string, number>>();
  private readonly agreementSum = new Map<string, number>();
  private readonly compared = new Map<string, number>();
  private readonly sources = new Map<string, TSourceCounts>();

  constructor(private readonly definitions: readonly { key: string; kind: TLabelKind }[]) {
    for (const d of definitions) {
      this.distribution.set(d.key, new Map());
      this.agreementSum.set(d.key, 0);
      this.compared.set(d.key, 0);
      this.sources.set(d.key, { rule: 0, adjudication: 0, unresolved: 0, gold: 0 });
    }
  }

  /** Counts an item with these labels, `times` times (items with the same labels, counted at once). */
  add(labels: Record<string, TFinalLabel>, annotationCount: number, times = 1): void {
    if (times <= 0) return;
    this.items += times;
    this.annotations += annotationCount * times;
    for (const { key, kind } of this.definitions) {
      const label = labels[key];
      if (!label) continue;
      const counts = this.distribution.get(key)!;
      if (label.isResolved) {
        for (const value of distributionKeys(kind, label.value))
          counts.set(value, (counts.get(value) ?? 0) + times);
      } else {
        counts.set(NO_LABEL, (counts.get(NO_LABEL) ?? 0) + times);
      }
      const sources = this.sources.get(key)!;
      if (label.source === "rule") sources.rule += times;
      else if (label.source === "adjudication") sources.adjudication += times;
      else sources.unresolved += times;
      if (label.isGold) sources.gold += times;
      if (label.agreement !== null) {
        // Added one at a time, as for items counted one by one: the same floating-point sum.
        let sum = this.agreementSum.get(key)!;
        for (let i = 0; i < times; i++) sum += label.agreement;
        this.agreementSum.set(key, sum);
        this.compared.set(key, this.compared.get(key)! + times);
      }
    }
  }

  result(): TSetStatistics {
    const labelDistribution: TLabelDistribution = {};
    const agreement: TAgreementSummary = {};
    const sources: Record<string, TSourceCounts> = {};
    for (const { key } of this.definitions) {
      const counts = [...this.distribution.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      labelDistribution[key] = Object.fromEntries(counts);
      const compared = this.compared.get(key)!;
      agreement[key] = {
        metric: "percent_agreement",
        // Rounded so that the manifest does not depend on the order floating-point sums ran in.
        value: compared === 0 ? null : Math.round((this.agreementSum.get(key)! / compared) * 1e6) / 1e6,
        itemsCompared: compared,
      };
      sources[key] = { ...this.sources.get(key)! };
    }
    return { items: this.items, annotations: this.annotations, labelDistribution, agreement, sources };
  }
}
