import "server-only";
import type { PoolClient } from "pg";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { SetStatistics } from "@/lib/eval-sets/set-statistics";
import type { TEvalSetPreview } from "@/lib/schemas/eval-sets";
import { ONE_SNAPSHOT, withTransaction } from "@/lib/server/db/with-transaction";
import { scanItemsById } from "@/lib/server/final-labels/scan-final-labels";
import {
  READER_REFRESH_LIMIT,
  refreshStaleReviewStates,
} from "@/lib/server/final-labels/refresh-stale-review-states";
import { prepareFilter, type TPreparedFilter } from "./prepare-filter";
import { takeCandidates } from "./candidate-cache";
import { labeledFrom, storedLabelsSql, unlabeledItem, type TLabeledItem } from "./stored-candidates";

const EXAMPLES = 10;

/**
 * What freezing with this filter would take now: counts, label distribution, agreement, a few items.
 * Read from the final labels stored in review states (docs/decisions/036-stored-final-labels.md):
 * stale ones are recomputed and stored first (up to READER_REFRESH_LIMIT), then one REPEATABLE READ
 * snapshot gives the candidates (the process's cache of them brought up to it, 037), the sample and
 * the statistics, each distinct combination of labels counted once.
 */
export async function previewEvalSet(
  projectId: string,
  filter: TEvalSetFilter,
  /** How many stale review states to store first (tests read with stale ones left). */
  options: { refreshLimit?: number } = {},
): Promise<TEvalSetPreview> {
  const pool = getPool();
  const prepared = await prepareFilter(pool, projectId, filter);
  await refreshStaleReviewStates(pool, projectId, prepared.all, options.refreshLimit ?? READER_REFRESH_LIMIT);
  return withTransaction((client) => previewInSnapshot(client, projectId, prepared), { begin: ONE_SNAPSHOT });
}

async function previewInSnapshot(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
): Promise<TEvalSetPreview> {
  const { definitions } = prepared;
  const { candidates, taken, labels: takenLabels } = await takeCandidates(client, projectId, prepared);
  const picked = Array.from(taken.subarray(0, EXAMPLES), String);
  const pickedHere = new Map<string, TLabeledItem>();
  const stats = new SetStatistics(definitions);
  const unlabeled = unlabeledItem(definitions);
  if (takenLabels) {
    // The cache kept each item's labels: each distinct set is counted once, with its items.
    const counts = new Uint32Array(takenLabels.list.length);
    for (const n of takenLabels.of) counts[n]++;
    counts.forEach((n, k) => stats.add(takenLabels.list[k].labels, takenLabels.list[k].annotationCount, n));
    picked.forEach((id, k) => pickedHere.set(id, takenLabels.list[takenLabels.of[k]]));
  } else {
    await addStoredStatistics(
      client,
      projectId,
      prepared,
      Array.from(taken, String),
      picked,
      stats,
      pickedHere,
      unlabeled,
    );
  }

  const params: unknown[] = [projectId];
  const labelsSql = storedLabelsSql(definitions, params);
  const { rows } = await client.query<{
    id: string;
    external_id: string | null;
    data: Record<string, unknown>;
    labels: string | null;
  }>(
    `SELECT i.id::text AS id, i.external_id, i.data, CASE WHEN s.item_id IS NOT NULL THEN ${labelsSql} END AS labels
       FROM items i LEFT JOIN review_states s ON s.item_id = i.id
      WHERE i.project_id = $1 AND i.id = ANY($${params.push(picked)}::bigint[])`,
    params,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const examples: TEvalSetPreview["examples"] = picked.map((id) => {
    const row = byId.get(id)!;
    const item =
      pickedHere.get(id) ?? (row.labels === null ? unlabeled : labeledFrom(definitions, row.labels));
    return {
      itemId: id,
      externalId: row.external_id,
      preview: itemPreview(row.data),
      labels: Object.fromEntries(
        definitions.map((d) => [d.key, item.labels[d.key].value]),
      ) as TEvalSetPreview["examples"][number]["labels"],
    };
  });
  const result = stats.result();
  return {
    candidates,
    items: result.items,
    annotations: result.annotations,
    labelDistribution: result.labelDistribution,
    agreement: result.agreement,
    sources: result.sources,
    examples,
  };
}

/**
 * The statistics of the taken items from what is stored for them, when the cache keeps no labels:
 * no state (nobody annotated them), a stale one (labeled here in this snapshot, a page at a time),
 * or each distinct combination of fresh labels once, with its count.
 */
async function addStoredStatistics(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
  ids: string[],
  picked: string[],
  stats: SetStatistics,
  pickedHere: Map<string, TLabeledItem>,
  /** The labels of an item nobody annotated (the caller's). */
  unlabeled: TLabeledItem,
): Promise<void> {
  const { definitions } = prepared;
  const params: unknown[] = [ids];
  const labelsSql = storedLabelsSql(definitions, params);
  const groups = await client.query<{
    kind: "none" | "stale" | "fresh";
    labels: string | null;
    n: number;
    ids: string | null;
  }>(
    `SELECT CASE WHEN s.item_id IS NULL THEN 'none' WHEN s.is_stale THEN 'stale' ELSE 'fresh' END AS kind,
            CASE WHEN NOT s.is_stale THEN ${labelsSql} END AS labels, count(*)::int AS n,
            CASE WHEN bool_or(s.is_stale) THEN string_agg(t.id::text, ',') END AS ids
       FROM unnest($1::bigint[]) AS t(id) LEFT JOIN review_states s ON s.item_id = t.id
      GROUP BY 1, 2`,
    params,
  );
  const staleIds: string[] = [];
  for (const group of groups.rows) {
    if (group.kind === "stale") {
      staleIds.push(...group.ids!.split(","));
      continue;
    }
    const { labels, annotationCount } =
      group.kind === "none" ? unlabeled : labeledFrom(definitions, group.labels!);
    stats.add(labels, annotationCount, group.n);
  }
  // Stale items taken: labeled in this snapshot (the answer the candidates had), a page at a time, so
  // memory holds a page, not every stale item of a project after an import.
  staleIds.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const scan = scanItemsById(client, projectId, definitions, staleIds, { withAnnotations: false });
  for await (const page of scan) {
    for (const item of page) {
      stats.add(item.labels, item.annotationCount);
      if (picked.includes(item.itemId)) pickedHere.set(item.itemId, item);
    }
  }
}
