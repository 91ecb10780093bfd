import "server-only";
import { getPool } from "@/lib/db";
import { awaitsReview } from "@/lib/final-labels/review-state";
import { valueKey } from "@/lib/final-labels/value-key";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { unprocessable } from "@/lib/server/errors";
import type { TFinalLabelsPage, TFinalLabelsQuery } from "@/lib/schemas/final-labels";
import { listReviewCandidates } from "./list-review-candidates";
import { loadLabelContext, type TDb, type TDefinitionContext } from "./load-label-context";
import { scanFinalLabels, type TScannedItem } from "./scan-final-labels";
import { scanReviewCandidates } from "./scan-review-candidates";

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
  const context = loadLabelContext(pool, projectId);
  if (query.state === "unresolved" && !query.definition) {
    // The whole queue: its definitions load beside the first review states, and each candidate's
    // labels are computed once.
    const pages = scanReviewCandidates(pool, projectId, context, {
      after: query.after,
      includeIncomplete: query.includeIncomplete,
      // A page's worth and a little more: most candidates are in the queue.
      batchSize: query.limit + 20,
    });
    return collectPage(pages, context, query);
  }
  const all = await context;
  const definitions = query.definition ? all.filter((d) => d.key === query.definition) : all;
  if (query.definition && definitions.length === 0) {
    throw unprocessable("There is no such label definition.", [
      { path: "definition", message: `unknown definition "${query.definition}"` },
    ]);
  }
  const pages =
    query.state === "unresolved"
      ? reviewQueuePages(pool, projectId, all, definitions, query)
      : scanFinalLabels(pool, projectId, definitions, { after: query.after, withData: true });
  return collectPage(pages, Promise.resolve(definitions), query);
}

async function collectPage(
  pages: AsyncGenerator<TScannedItem[]>,
  context: Promise<readonly TDefinitionContext[]>,
  query: TFinalLabelsQuery,
): Promise<TFinalLabelsPage> {
  const items: TFinalLabelsPage["items"] = [];
  for await (const page of pages) {
    const definitions = await context;
    for (const item of page) {
      if (!isWanted(item, definitions, query)) continue;
      items.push(serialize(item, definitions));
      if (items.length === query.limit) return { items, nextCursor: item.itemId };
    }
  }
  return { items, nextCursor: null };
}

/**
 * The queue's items with their labels: only the candidates the stored review states point at are
 * computed (a page costs what the queue holds near it, not the project's size).
 */
async function* reviewQueuePages(
  q: TDb,
  projectId: string,
  all: readonly TDefinitionContext[],
  definitions: readonly TDefinitionContext[],
  query: TFinalLabelsQuery,
): AsyncGenerator<TScannedItem[]> {
  const candidates = listReviewCandidates(q, projectId, all, {
    after: query.after,
    includeIncomplete: query.includeIncomplete,
    definitionId: query.definition ? definitions[0].id : undefined,
    // A page's worth and a little more: most candidates are in the queue.
    batchSize: query.limit + 20,
  });
  for await (const itemIds of candidates) {
    yield* scanFinalLabels(q, projectId, definitions, {
      itemIds,
      pageSize: itemIds.length + 1,
      withData: true,
    });
  }
}

function isWanted(item: TScannedItem, definitions: readonly TDefinitionContext[], query: TFinalLabelsQuery) {
  if (query.state === "all") return true;
  const labels = definitions.map((d) => item.labels[d.key]);
  if (query.state === "resolved") return labels.every((l) => l.isResolved);
  return awaitsReview(labels) && (query.includeIncomplete || item.isComplete);
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
