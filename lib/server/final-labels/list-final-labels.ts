import "server-only";
import { getPool } from "@/lib/db";
import { valueKey } from "@/lib/final-labels/value-key";
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
    preview: previewOf(item.data ?? {}),
    labels: Object.fromEntries(definitions.map((d) => [d.key, item.labels[d.key]])),
    votes,
  };
}

function previewOf(data: Record<string, unknown>): string {
  const text = Object.values(data).find((v) => typeof v === "string" && v.trim());
  return (typeof text === "string" ? text : JSON.stringify(data)).slice(0, 200);
}
