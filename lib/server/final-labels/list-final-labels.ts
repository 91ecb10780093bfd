import "server-only";
import { getPool } from "@/lib/db";
import { valueKey } from "@/lib/final-labels/value-key";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { unprocessable } from "@/lib/server/errors";
import type { TFinalLabelsPage, TFinalLabelsQuery } from "@/lib/schemas/final-labels";
import { loadLabelContext, type TDefinitionContext } from "./load-label-context";
import { scanFinalLabels, type TScannedItem } from "./scan-final-labels";

/**
 * A page of items with their final labels. `state: "unresolved"` is the review queue: items with
 * annotations that the rule leaves unresolved and no lead has decided (by default only items
 * whose labeling is complete, so leads do not judge items still waiting for annotators).
 */
export async function listFinalLabels(
  projectId: string,
  query: TFinalLabelsQuery,
): Promise<TFinalLabelsPage> {
  const pool = getPool();
  const all = await loadLabelContext(pool, projectId);
  const definitions = query.definition ? all.filter((d) => d.key === query.definition) : all;
  if (query.definition && definitions.length === 0) {
    throw unprocessable("There is no such label definition.", [
      { path: "definition", message: `unknown definition "${query.definition}"` },
    ]);
  }
  const items: TFinalLabelsPage["items"] = [];
  for await (const page of scanFinalLabels(pool, projectId, definitions, {
    after: query.after,
    withData: true,
  })) {
    for (const item of page) {
      if (!isWanted(item, definitions, query)) continue;
      items.push(serialize(item, definitions));
      if (items.length === query.limit) return { items, nextCursor: item.itemId };
    }
  }
  return { items, nextCursor: null };
}

function isWanted(item: TScannedItem, definitions: readonly TDefinitionContext[], query: TFinalLabelsQuery) {
  if (query.state === "all") return true;
  const unresolved = definitions.some((d) => !item.labels[d.key].isResolved);
  if (query.state === "resolved") return !unresolved;
  return unresolved && item.annotationCount > 0 && (query.includeIncomplete || item.isComplete);
}

function serialize(item: TScannedItem, definitions: readonly TDefinitionContext[]) {
  const votes: Record<string, { value: unknown; count: number }[]> = {};
  for (const d of definitions) {
    const counts = new Map<string, { value: unknown; count: number }>();
    for (const a of item.annotations) {
      if (!Object.hasOwn(a.values, d.key)) continue;
      const key = valueKey(d.spec, a.values[d.key]);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { value: a.values[d.key], count: 1 });
    }
    votes[d.key] = [...counts.values()].sort((x, y) => y.count - x.count);
  }
  return {
    itemId: item.itemId,
    externalId: item.externalId,
    batchId: item.batchId,
    isComplete: item.isComplete,
    ...previewsOf(item.data ?? {}, definitions),
    labels: Object.fromEntries(definitions.map((d) => [d.key, item.labels[d.key]])),
    votes,
  };
}

/**
 * The start of each text the definitions label (spans' text, a pairwise prompt or both sides, a
 * ranking's prompt), named by its field; for definitions that label the item as a whole, its
 * "text" field or else its first text.
 */
function previewsOf(data: Record<string, unknown>, definitions: readonly TDefinitionContext[]) {
  const previews = labeledPreviews(data, definitions);
  return { preview: previews[0].text, previews };
}

function labeledPreviews(data: Record<string, unknown>, definitions: readonly TDefinitionContext[]) {
  const labeled = [...new Set(definitions.flatMap((d) => labeledFields(d.spec)))];
  const strings = Object.entries(data).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
  );
  const byField = new Map(strings);
  const fields = labeled.filter((field) => byField.has(field));
  if (fields.length === 0) {
    const fallback = byField.has("text") ? "text" : strings[0]?.[0];
    if (fallback === undefined) return [{ field: null, text: JSON.stringify(data).slice(0, 200) }];
    fields.push(fallback);
  }
  return fields.slice(0, 3).map((field) => ({ field, text: byField.get(field)!.slice(0, 200) }));
}

function labeledFields(spec: TLabelDefinitionSpec): string[] {
  if (spec.kind === "spans") return [spec.textField];
  if (spec.kind === "pairwise") return spec.textField ? [spec.textField] : [...spec.textFields];
  if (spec.kind === "ranking") return spec.promptField ? [spec.promptField] : [];
  return [];
}
