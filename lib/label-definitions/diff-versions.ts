import { canonicalJson } from "./canonical-json";
import type { TLabelDefinitionSpec, TLabelOptionSpec } from "./definition-spec";
import type { TLabelKind } from "./label-limits";
import type { TLineDiffEntry } from "./line-diff";
import { lineDiff } from "./line-diff";

export type TOptionChange = {
  key: string;
  field: "title" | "hotkey" | "description";
  from: string | null;
  to: string | null;
};

export type TOptionsDiff = {
  added: TLabelOptionSpec[];
  removed: TLabelOptionSpec[];
  changed: TOptionChange[];
  /** True when the options both versions share appear in a different order. */
  reordered: boolean;
};

export type TScaleDiff = {
  min: { from: number; to: number } | null;
  max: { from: number; to: number } | null;
  /** True when some value of the old scale is outside the new one. */
  narrowed: boolean;
};

/** Any other top-level field: title, required, labels, textField, textFields, allowTie, maxLength… */
export type TFieldChange = { field: string; from: unknown; to: unknown };

export type TBreakingReason = {
  code:
    | "kind_changed"
    | "option_removed"
    | "scale_narrowed"
    | "tie_disallowed"
    | "max_length_reduced"
    | "now_required"
    | "text_field_changed";
  message: string;
};

export type TDefinitionDiff = {
  /** False when the two versions are identical. */
  changed: boolean;
  kind: { from: TLabelKind; to: TLabelKind } | null;
  /** Null when neither version has options, or nothing about the options changed. */
  options: TOptionsDiff | null;
  /** Null unless both versions are ratings and min or max changed. */
  scale: TScaleDiff | null;
  fields: TFieldChange[];
  /** Line diff of the guidelines Markdown; null when the guidelines are unchanged. */
  guidelines: TLineDiffEntry[] | null;
  /** Why values valid under `a` might not be valid under `b`; empty when none. */
  breaking: TBreakingReason[];
};

const STRUCTURED_FIELDS = new Set(["kind", "options", "min", "max", "guidelines"]);

function optionsOf(spec: TLabelDefinitionSpec): TLabelOptionSpec[] | null {
  return "options" in spec ? spec.options : null;
}

function diffOptions(a: TLabelOptionSpec[], b: TLabelOptionSpec[]): TOptionsDiff | null {
  const inA = new Map(a.map((o) => [o.key, o]));
  const inB = new Map(b.map((o) => [o.key, o]));
  const added = b.filter((o) => !inA.has(o.key));
  const removed = a.filter((o) => !inB.has(o.key));
  const changed: TOptionChange[] = [];
  for (const before of a) {
    const after = inB.get(before.key);
    if (after === undefined) continue;
    for (const field of ["title", "hotkey", "description"] as const) {
      const from = before[field] ?? null;
      const to = after[field] ?? null;
      if (from !== to) changed.push({ key: before.key, field, from, to });
    }
  }
  const sharedA = a.filter((o) => inB.has(o.key)).map((o) => o.key);
  const sharedB = b.filter((o) => inA.has(o.key)).map((o) => o.key);
  const reordered = sharedA.some((key, index) => key !== sharedB[index]);
  if (added.length + removed.length + changed.length === 0 && !reordered) return null;
  return { added, removed, changed, reordered };
}

function diffScale(a: TLabelDefinitionSpec, b: TLabelDefinitionSpec): TScaleDiff | null {
  if (a.kind !== "rating" || b.kind !== "rating") return null;
  if (a.min === b.min && a.max === b.max) return null;
  return {
    min: a.min === b.min ? null : { from: a.min, to: b.min },
    max: a.max === b.max ? null : { from: a.max, to: b.max },
    narrowed: b.min > a.min || b.max < a.max,
  };
}

function diffFields(a: TLabelDefinitionSpec, b: TLabelDefinitionSpec): TFieldChange[] {
  const ra: Record<string, unknown> = a;
  const rb: Record<string, unknown> = b;
  const fields = [...new Set([...Object.keys(ra), ...Object.keys(rb)])]
    .filter((field) => !STRUCTURED_FIELDS.has(field))
    .sort();
  const changes: TFieldChange[] = [];
  for (const field of fields) {
    const from = ra[field];
    const to = rb[field];
    const same =
      from === undefined || to === undefined ? from === to : canonicalJson(from) === canonicalJson(to);
    if (!same) changes.push({ field, from, to });
  }
  return changes;
}

function breakingReasons(
  a: TLabelDefinitionSpec,
  b: TLabelDefinitionSpec,
  options: TOptionsDiff | null,
  scale: TScaleDiff | null,
): TBreakingReason[] {
  if (a.kind !== b.kind) {
    return [{ code: "kind_changed", message: `kind changed from ${a.kind} to ${b.kind}` }];
  }
  const reasons: TBreakingReason[] = [];
  for (const option of options?.removed ?? []) {
    reasons.push({ code: "option_removed", message: `option "${option.key}" was removed` });
  }
  if (scale?.narrowed) {
    reasons.push({
      code: "scale_narrowed",
      message: `scale narrowed from ${fmtScale(a)} to ${fmtScale(b)}`,
    });
  }
  if (!a.required && b.required) {
    reasons.push({ code: "now_required", message: "the definition became required" });
  }
  if (a.kind === "pairwise" && b.kind === "pairwise") {
    if (a.allowTie && !b.allowTie) {
      reasons.push({ code: "tie_disallowed", message: "ties are no longer allowed" });
    }
    if (a.textFields[0] !== b.textFields[0] || a.textFields[1] !== b.textFields[1]) {
      reasons.push({ code: "text_field_changed", message: "the fields of sides A and B changed" });
    }
  }
  if (a.kind === "spans" && b.kind === "spans" && a.textField !== b.textField) {
    reasons.push({ code: "text_field_changed", message: "spans now refer to another text field" });
  }
  if (a.kind === "free_text" && b.kind === "free_text" && b.maxLength < a.maxLength) {
    reasons.push({
      code: "max_length_reduced",
      message: `maxLength reduced from ${a.maxLength} to ${b.maxLength}`,
    });
  }
  return reasons;
}

function fmtScale(spec: TLabelDefinitionSpec): string {
  return spec.kind === "rating" ? `${spec.min}..${spec.max}` : "";
}

/** Structured difference between two versions of a definition (from `a` to `b`). */
export function diffDefinitionVersions(a: TLabelDefinitionSpec, b: TLabelDefinitionSpec): TDefinitionDiff {
  const oa = optionsOf(a);
  const ob = optionsOf(b);
  const options = oa === null && ob === null ? null : diffOptions(oa ?? [], ob ?? []);
  const scale = diffScale(a, b);
  const fields = diffFields(a, b);
  const guidelines = a.guidelines === b.guidelines ? null : lineDiff(a.guidelines, b.guidelines);
  const kind = a.kind === b.kind ? null : { from: a.kind, to: b.kind };
  return {
    changed: canonicalJson(a) !== canonicalJson(b),
    kind,
    options,
    scale,
    fields,
    guidelines,
    breaking: breakingReasons(a, b, options, scale),
  };
}

/**
 * True when a value valid under `a` might be invalid under `b`: kind changed, an option removed,
 * the rating scale narrowed, the definition became required, ties disallowed, free-text
 * maxLength reduced, or the text field(s) of spans/pairwise changed.
 */
export function isBreakingChange(a: TLabelDefinitionSpec, b: TLabelDefinitionSpec): boolean {
  return diffDefinitionVersions(a, b).breaking.length > 0;
}
