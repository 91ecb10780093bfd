import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { PAIRWISE_VALUES, type TLabelKind } from "@/lib/label-definitions/label-limits";
import type { RatingValue } from "./types";

/**
 * The values a definition's annotations take, as the agreement statistics see them: option keys
 * (single choice), "A" / "B" / "tie" (pairwise), integers (rating), label sets (multi choice: the
 * JSON of the chosen keys in option order), strings (free text). Built from every version's spec,
 * so options a later version dropped still count; values met in the data that no spec lists are
 * added as they come.
 */
export type TValueDictionary = {
  kind: TLabelKind;
  values: RatingValue[];
  /** What a lead reads for each value. */
  labels: string[];
  /** The options of multi choice and spans definitions, in option order. */
  options: { key: string; title: string }[];
  /** For single choice, pairwise and rating: each known value as `value #>> '{}'` renders it. */
  scalarTexts: string[] | null;
  index: Map<RatingValue, number>;
};

/** A dictionary from a definition's specs, newest version first (its titles and order win). */
export function dictionaryFor(
  kind: TLabelKind,
  specsNewestFirst: readonly TLabelDefinitionSpec[],
): TValueDictionary {
  const dict: TValueDictionary = {
    kind,
    values: [],
    labels: [],
    options: [],
    scalarTexts: null,
    index: new Map(),
  };
  const optionTitles = new Map<string, string>();
  for (const spec of specsNewestFirst) {
    if (!("options" in spec)) continue;
    for (const option of spec.options)
      if (!optionTitles.has(option.key)) optionTitles.set(option.key, option.title);
  }
  dict.options = [...optionTitles].map(([key, title]) => ({ key, title }));
  if (kind === "single_choice") {
    for (const o of dict.options) addValue(dict, o.key, o.title);
  } else if (kind === "pairwise") {
    for (const v of PAIRWISE_VALUES) addValue(dict, v, v === "tie" ? "Tie" : v);
  } else if (kind === "rating") {
    const captions = new Map<number, string>();
    let min = Infinity;
    let max = -Infinity;
    for (const spec of specsNewestFirst) {
      if (spec.kind !== "rating") continue;
      min = Math.min(min, spec.min);
      max = Math.max(max, spec.max);
      for (const [k, caption] of Object.entries(spec.labels))
        if (!captions.has(Number(k))) captions.set(Number(k), caption);
    }
    for (let v = min; v <= max; v++)
      addValue(dict, v, captions.has(v) ? `${v} (${captions.get(v)})` : String(v));
  }
  if (kind === "single_choice" || kind === "pairwise" || kind === "rating")
    dict.scalarTexts = dict.values.map((v) => String(v));
  return dict;
}

function addValue(dict: TValueDictionary, value: RatingValue, label: string): number {
  const i = dict.values.length;
  dict.values.push(value);
  dict.labels.push(label);
  dict.index.set(value, i);
  return i;
}

/** The index of a canonical value, adding it (labelled as itself) when the specs did not list it. */
export function valueIndex(dict: TValueDictionary, value: RatingValue): number {
  return dict.index.get(value) ?? addValue(dict, value, labelOf(dict, value));
}

function labelOf(dict: TValueDictionary, value: RatingValue): string {
  if (dict.kind !== "multi_choice" || typeof value !== "string") return String(value);
  const keys = JSON.parse(value) as string[];
  if (keys.length === 0) return "(none)";
  const titles = new Map(dict.options.map((o) => [o.key, o.title]));
  return keys.map((k) => titles.get(k) ?? k).join(" + ");
}

/** The canonical value of a stored annotation value (parsed JSON), or null when it has the wrong shape. */
export function canonicalValue(dict: TValueDictionary, json: unknown): RatingValue | null {
  switch (dict.kind) {
    case "rating":
      return typeof json === "number" && Number.isFinite(json) ? json : null;
    case "multi_choice":
      return Array.isArray(json) && json.every((k) => typeof k === "string") ? setKey(dict, json) : null;
    case "spans":
      return null;
    default:
      return typeof json === "string" ? json : null;
  }
}

/** A label set as a value: its distinct keys in option order (unknown keys last, sorted), as JSON. */
export function setKey(dict: TValueDictionary, keys: readonly string[]): string {
  const rank = new Map(dict.options.map((o, i) => [o.key, i]));
  const distinct = [...new Set(keys)].sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return JSON.stringify(distinct);
}

/** The label set of a bit mask over `dict.options` (bit i = option i). */
export function setKeyFromMask(dict: TValueDictionary, mask: bigint): string {
  const keys: string[] = [];
  dict.options.forEach((o, i) => {
    if ((mask >> BigInt(i)) & BigInt(1)) keys.push(o.key);
  });
  return JSON.stringify(keys);
}

/** The option keys of a label-set value. */
export function setKeys(value: RatingValue): string[] {
  return typeof value === "string" ? (JSON.parse(value) as string[]) : [];
}

/** Metric each kind is judged by (see docs in the agreement schema). */
export function primaryMetric(kind: TLabelKind) {
  switch (kind) {
    case "single_choice":
    case "pairwise":
      return "alpha_nominal" as const;
    case "rating":
    case "rubric":
      return "alpha_ordinal" as const;
    case "ranking":
      return "alpha_ordinal_ranks" as const;
    case "multi_choice":
      return "alpha_masi" as const;
    case "spans":
      return "span_f1_overlap" as const;
    case "free_text":
      return "exact_match_rate" as const;
  }
}

/** How a stored value (its JSON text) reads on a dashboard. */
export function displayValue(dict: TValueDictionary, jsonText: string): string {
  const json = JSON.parse(jsonText) as unknown;
  if (dict.kind === "spans") {
    if (!Array.isArray(json) || json.length === 0) return "(no spans)";
    const titles = new Map(dict.options.map((o) => [o.key, o.title]));
    return (json as { start: number; end: number; label: string }[])
      .map((s) => `${titles.get(s.label) ?? s.label} ${s.start}–${s.end}`)
      .join(", ");
  }
  const value = canonicalValue(dict, json);
  if (value === null) return jsonText;
  const i = dict.index.get(value);
  const label = i === undefined ? labelOf(dict, value) : dict.labels[i];
  return label.length > 160 ? `${label.slice(0, 159)}…` : label;
}
