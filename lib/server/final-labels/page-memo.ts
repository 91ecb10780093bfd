import "server-only";
import { computeFinalLabel, type TFinalLabel } from "@/lib/final-labels/final-label";
import { normalizeValue } from "@/lib/final-labels/value-key";
import type { TExportAnnotation } from "@/lib/export/export-row";
import type { TDefinitionContext } from "./load-label-context";

/** An annotation as the scan reads it: its value as canonical JSON text. */
export type TSnapshotRow = {
  user_id: string;
  definition_id: string;
  definition_version: number;
  value: string | null;
};

/**
 * A page's items repeat a few values (and a few sequences of values) over and over: each distinct
 * value text is parsed and normalized once, and each distinct sequence of values of a definition
 * gets its final label once. computeFinalLabel is pure and reads only the values, in their order,
 * so the label of an equal sequence is the same label (each item gets its own copy of the object).
 */
export class PageMemo {
  private readonly parsed = new Map<string, unknown>();
  private readonly normalizedValues = new Map<string, unknown>();
  private readonly labels = new Map<string, TFinalLabel>();

  parse(text: string | null): unknown {
    if (text === null) return null;
    if (this.parsed.has(text)) return this.parsed.get(text);
    const value: unknown = JSON.parse(text);
    this.parsed.set(text, value);
    return value;
  }

  normalize(definition: TDefinitionContext, text: string | null): unknown {
    const key = `${definition.id}\u0000${text ?? "null"}`;
    if (this.normalizedValues.has(key)) return this.normalizedValues.get(key);
    const value = normalizeValue(definition.spec, this.parse(text));
    this.normalizedValues.set(key, value);
    return value;
  }

  finalLabel(definition: TDefinitionContext, texts: readonly (string | null)[]): TFinalLabel {
    // Canonical JSON text never holds a raw U+0000, so the joined key is unambiguous.
    const key = `${definition.id}\u0000${texts.map((t) => t ?? "null").join("\u0000")}`;
    let label = this.labels.get(key);
    if (!label) {
      label = computeFinalLabel(
        definition.spec,
        definition.rule,
        texts.map((t) => ({ userId: "", version: 0, value: this.parse(t) })),
        null,
      );
      this.labels.set(key, label);
    }
    return { ...label };
  }
}

/** One entry per annotator, in the order they first annotated the item; values in canonical order. */
export function snapshotAnnotations(
  rows: readonly TSnapshotRow[],
  definitions: ReadonlyMap<string, TDefinitionContext>,
  memo: PageMemo,
): TExportAnnotation[] {
  const byUser = new Map<string, TExportAnnotation>();
  for (const row of rows) {
    const definition = definitions.get(row.definition_id)!;
    let entry = byUser.get(row.user_id);
    if (!entry)
      byUser.set(row.user_id, (entry = { annotator: row.user_id, values: {}, definitionVersions: {} }));
    entry.values[definition.key] = memo.normalize(definition, row.value);
    entry.definitionVersions[definition.key] = row.definition_version;
  }
  return [...byUser.values()];
}
