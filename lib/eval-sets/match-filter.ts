/**
 * Whether an item, with its final labels, belongs in an eval set (before sampling). Pure: the
 * server computes the final labels, this decides.
 */
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import type { TEvalSetFilter } from "./filter-schema";

export type TFilterDefinition = {
  key: string;
  isRequired: boolean;
  /** Canonical key of a value for this definition (final-labels/value-key.ts). */
  keyOf: (value: unknown) => string;
};

export type TItemLabels = {
  itemId: string;
  batchId: string;
  /** Definition key -> final label, for the definitions the set carries. */
  labels: Record<string, TFinalLabel>;
  /** Definition key -> the versions the item's current annotations answered. */
  versions: Record<string, number[]>;
  /** An annotator flagged the item (known when the filter asks: scan option withFlags). */
  isFlagged?: boolean;
};

export type TCompiledFilter = (item: TItemLabels) => boolean;

export function compileFilter(
  filter: TEvalSetFilter,
  definitions: readonly TFilterDefinition[],
): TCompiledFilter {
  const batches = filter.batches ? new Set(filter.batches) : null;
  const resolution = filter.resolution ?? "resolved";
  const allowedVersions = Object.entries(filter.definitionVersions ?? {}).map(
    ([key, versions]) => [key, new Set(versions)] as const,
  );
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const allowedValues = Object.entries(filter.labels ?? {}).map(([key, values]) => {
    const definition = byKey.get(key);
    if (!definition) throw new Error(`filter: unknown definition "${key}"`);
    return [key, new Set(values.map((v) => definition.keyOf(v)))] as const;
  });
  const minAgreement = filter.minItemAgreement;

  return (item) => {
    if (batches && !batches.has(item.batchId)) return false;
    if (filter.flagged !== undefined && (item.isFlagged ?? false) !== filter.flagged) return false;
    let hasAdjudicated = false;
    for (const definition of definitions) {
      const label = item.labels[definition.key];
      if (!label) return false;
      if (label.source === "adjudication") hasAdjudicated = true;
      if (resolution !== "any" && definition.isRequired && !label.isResolved) return false;
      if (
        minAgreement !== undefined &&
        (label.agreement === null || label.agreement + 1e-12 < minAgreement)
      ) {
        return false;
      }
    }
    if (resolution === "automatic" && hasAdjudicated) return false;
    if (resolution === "adjudicated" && !hasAdjudicated) return false;
    for (const [key, versions] of allowedVersions) {
      for (const version of item.versions[key] ?? []) if (!versions.has(version)) return false;
    }
    for (const [key, values] of allowedValues) {
      const label = item.labels[key];
      if (!label?.isResolved || !values.has(byKey.get(key)!.keyOf(label.value))) return false;
    }
    return true;
  };
}
