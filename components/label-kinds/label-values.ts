import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelDefinitionSpec, TLabelOptionSpec } from "@/lib/label-definitions/definition-spec";
import type { TPairwiseValue } from "@/lib/label-definitions/label-limits";
import { PAIRWISE_VALUES } from "@/lib/label-definitions/label-limits";
import { canonicalValue } from "@/lib/label-definitions/value-canonical";
import type { TLabelValue, TSpan } from "@/lib/label-definitions/value-schema";

/*
 * Narrowing of loosely typed values (stored answers, model suggestions, a preview's leftover state
 * after the kind changed) to what each control can show. Anything that does not fit becomes null.
 */

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function asStringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

export function asInteger(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

export function asRanking(value: unknown): number[] | null {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v)) ? (value as number[]) : null;
}

export function asRubric(value: unknown): Record<string, number> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return Object.values(value).every((v) => Number.isInteger(v)) ? (value as Record<string, number>) : null;
}

export function asPairwise(value: unknown): TPairwiseValue | null {
  return (PAIRWISE_VALUES as readonly unknown[]).includes(value) ? (value as TPairwiseValue) : null;
}

function isSpan(value: unknown): value is TSpan {
  if (typeof value !== "object" || value === null) return false;
  const span = value as Record<string, unknown>;
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    typeof span.label === "string" &&
    (span.start as number) >= 0 &&
    (span.end as number) > (span.start as number)
  );
}

/** The well-formed spans of a value (others are dropped), or null when it is not an array. */
export function asSpans(value: unknown): TSpan[] | null {
  return Array.isArray(value) ? value.filter(isSpan) : null;
}

/** True when two values are the same answer (multi_choice keys and spans compared in any order). */
export function isSameValue(
  spec: TLabelDefinitionSpec,
  a: TLabelValue | null | undefined,
  b: TLabelValue | null | undefined,
): boolean {
  if (a == null || b == null) return a == null && b == null;
  return canonicalJson(canonicalValue(spec, a)) === canonicalJson(canonicalValue(spec, b));
}

function optionTitle(options: readonly TLabelOptionSpec[], key: string): string {
  return options.find((option) => option.key === key)?.title ?? key;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const PAIRWISE_NAMES: Record<TPairwiseValue, string> = { A: "A", B: "B", tie: "Tie" };

/**
 * A short human-readable rendering of a value, e.g. for "Model suggests: …".
 * `text` is the item text spans refer to (to quote them).
 */
export function formatValue(spec: TLabelDefinitionSpec, value: TLabelValue, text?: string): string {
  switch (spec.kind) {
    case "single_choice":
      return optionTitle(spec.options, String(value));
    case "multi_choice": {
      const keys = asStringArray(value) ?? [];
      return keys.length === 0 ? "none" : keys.map((key) => optionTitle(spec.options, key)).join(", ");
    }
    case "rating": {
      const caption = spec.labels[String(value)];
      return caption ? `${value} (${caption})` : String(value);
    }
    case "spans": {
      const spans = asSpans(value) ?? [];
      if (spans.length === 0) return "no spans";
      const shown = spans.slice(0, 3).map((span) => {
        const title = optionTitle(spec.options, span.label);
        return text === undefined ? title : `${title} “${truncate(text.slice(span.start, span.end), 30)}”`;
      });
      const more = spans.length - shown.length;
      return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
    }
    case "pairwise": {
      const side = asPairwise(value);
      return side ? PAIRWISE_NAMES[side] : String(value);
    }
    case "free_text":
      return `“${truncate(String(value), 80)}”`;
    case "ranking":
      return Array.isArray(value) ? `ranks ${value.join(", ")}` : String(value);
    case "rubric":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? spec.criteria.map((c) => `${c.title} ${String(value[c.key] ?? "–")}`).join(", ")
        : String(value);
  }
}
