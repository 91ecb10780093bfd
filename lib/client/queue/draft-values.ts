import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { canonicalValue } from "@/lib/label-definitions/value-canonical";
import type { TItemForValues, TLabelValue } from "@/lib/label-definitions/value-schema";
import { valueSchemaFor } from "@/lib/label-definitions/value-schema";

/** The annotator's answers on one item, by definition key; null: not answered. */
export type TDraftValues = Record<string, TLabelValue | null>;

type TSpecs = readonly { key: string; spec: TLabelDefinitionSpec }[];

/** The server caps time spent at one day. */
export const MAX_TIME_SPENT_MS = 86_400_000;

/**
 * The answers an item starts with. Spans start as "no spans" (a valid answer: there is no gesture
 * for "nothing to mark"); every other kind starts unanswered.
 */
export function initialValues(definitions: TSpecs): TDraftValues {
  return Object.fromEntries(definitions.map((d) => [d.key, d.spec.kind === "spans" ? [] : null]));
}

/** Stored values (going back to an item) as a draft: missing keys and values that do not fit become the start value. */
export function valuesFromStored(definitions: TSpecs, stored: Record<string, unknown> | null): TDraftValues {
  const start = initialValues(definitions);
  for (const d of definitions) {
    const value = stored?.[d.key];
    if (value !== undefined && value !== null) start[d.key] = value as TLabelValue;
  }
  return start;
}

/** True when the annotator has given any answer (so skipping would throw work away). */
export function hasAnswers(definitions: TSpecs, values: TDraftValues): boolean {
  return definitions.some((d) => {
    const value = values[d.key];
    if (value === null || value === undefined) return false;
    if (d.spec.kind === "spans") return Array.isArray(value) && value.length > 0;
    return !(d.spec.kind === "free_text" && value === "");
  });
}

function sameValue(spec: TLabelDefinitionSpec, a: TLabelValue | null, b: TLabelValue | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalJson(canonicalValue(spec, a)) === canonicalJson(canonicalValue(spec, b));
}

/** True when two drafts give the same answers (multi-choice keys and spans in any order). */
export function sameValues(definitions: TSpecs, a: TDraftValues, b: TDraftValues): boolean {
  return definitions.every((d) =>
    sameValue(d.spec, normalize(d.spec, a[d.key]), normalize(d.spec, b[d.key])),
  );
}

/** An empty optional text is "no answer". */
function normalize(spec: TLabelDefinitionSpec, value: TLabelValue | null | undefined): TLabelValue | null {
  if (value === undefined) return null;
  if (spec.kind === "free_text" && value === "" && !spec.required) return null;
  return value;
}

/** The `values` of a submit: one entry per definition, null for unanswered optional ones. */
export function submissionValues(definitions: TSpecs, values: TDraftValues): TDraftValues {
  return Object.fromEntries(definitions.map((d) => [d.key, normalize(d.spec, values[d.key])]));
}

function missingMessage(spec: TLabelDefinitionSpec): string {
  switch (spec.kind) {
    case "single_choice":
      return "Choose one option.";
    case "multi_choice":
      return "Choose the options that apply.";
    case "rating":
      return `Choose a value from ${spec.min} to ${spec.max}.`;
    case "spans":
      return "Mark the spans, or leave none marked.";
    case "pairwise":
      if (spec.shuffleSides) return spec.allowTie ? "Choose a side or Tie." : "Choose a side.";
      return spec.allowTie ? "Choose A, B or Tie." : "Choose A or B.";
    case "free_text":
      return "Write an answer.";
    case "ranking":
      return "Rank every response (1 = best).";
    case "rubric":
      return "Score every criterion.";
  }
}

/**
 * What stops the draft from being submitted, by definition key (empty when it can be submitted):
 * the same checks as the server (valueSchemaFor), in words an annotator can act on.
 */
export function draftErrors(
  definitions: TSpecs,
  item: TItemForValues,
  values: TDraftValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of definitions) {
    const value = normalize(d.spec, values[d.key]);
    if (value === null) {
      if (d.spec.required) errors[d.key] = missingMessage(d.spec);
      continue;
    }
    if (d.spec.kind === "ranking" && Array.isArray(value) && (value as unknown[]).includes(0)) {
      errors[d.key] = "Rank every response (1 = best).";
      continue;
    }
    const parsed = valueSchemaFor(d.spec, item).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      errors[d.key] = `${where}${issue?.message ?? "This answer is not valid."}`;
    }
  }
  return errors;
}

/**
 * A 422's field errors, by definition key (paths look like "values.<key>" or "values.<key>.0.end"),
 * plus the messages that name no definition.
 */
export function errorsByDefinition(
  fieldErrors: readonly { path: string; message: string }[] | undefined,
  keys: readonly string[],
): { byKey: Record<string, string>; other: string[] } {
  const known = new Set(keys);
  const byKey: Record<string, string> = {};
  const other: string[] = [];
  for (const { path, message } of fieldErrors ?? []) {
    const [head, key, ...rest] = path.split(".");
    if (head === "values" && key !== undefined && known.has(key)) {
      byKey[key] ??= rest.length > 0 ? `${rest.join(".")}: ${message}` : message;
    } else {
      other.push(message);
    }
  }
  return { byKey, other };
}

/** Time spent as the server accepts it: whole milliseconds, 0..one day. */
export function clampTimeSpent(ms: number): number {
  return Math.min(Math.max(Math.round(ms), 0), MAX_TIME_SPENT_MS);
}
