import "server-only";
import type { PoolClient } from "pg";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { SetStatistics } from "@/lib/eval-sets/set-statistics";
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import type { TEvalSetPreview } from "@/lib/schemas/eval-sets";
import { ONE_SNAPSHOT, withTransaction } from "@/lib/server/db/with-transaction";
import { scanItemsById } from "@/lib/server/final-labels/scan-final-labels";
import {
  READER_REFRESH_LIMIT,
  refreshStaleReviewStates,
} from "@/lib/server/final-labels/refresh-stale-review-states";
import { prepareFilter, type TPreparedFilter } from "./prepare-filter";
import { storedCandidates, takenIds, type TLabeledItem } from "./stored-candidates";

const EXAMPLES = 10;

/**
 * What freezing with this filter would take now: counts, label distribution, agreement, a few items.
 * Read from the final labels stored in review states (docs/decisions/036-stored-final-labels.md):
 * stale ones are recomputed and stored first (up to READER_REFRESH_LIMIT), then one REPEATABLE READ
 * snapshot gives the candidates, the sample and the statistics, each distinct combination of stored
 * labels counted once, and labels what is still stale there.
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
  const { candidates, recomputed, unlabeledIds, unlabeled } = await storedCandidates(
    client,
    projectId,
    prepared,
  );
  const ids = takenIds(prepared, candidates);
  const picked = ids.slice(0, EXAMPLES);
  const pickedHere = new Map<string, TLabeledItem>();
  const stats = new SetStatistics(definitions);
  const storedIds: string[] = [];
  const staleIds: string[] = [];
  for (const id of ids) {
    if (unlabeledIds.has(id)) stats.add(unlabeled.labels, unlabeled.annotationCount);
    else if (recomputed.has(id)) staleIds.push(id);
    else storedIds.push(id);
  }
  for (const id of picked) if (unlabeledIds.has(id)) pickedHere.set(id, unlabeled);
  // Stale items taken: labeled again in this snapshot (the answer the candidates had), a page at a
  // time, so memory holds a page, not every stale item of a project after an import.
  const scan = scanItemsById(client, projectId, definitions, staleIds, { withAnnotations: false });
  for await (const page of scan) {
    for (const item of page) {
      stats.add(item.labels, item.annotationCount);
      if (picked.includes(item.itemId)) pickedHere.set(item.itemId, item);
    }
  }
  // The carried definitions' stored labels, as one JSON array per item.
  const params: unknown[] = [];
  const labelsSql = `jsonb_build_array(${definitions
    .map((d) => `s.labels -> $${params.push(d.id) + 1}::text -> 'l'`)
    .join(", ")})::text`;
  const labelsOf = (text: string): TLabeledItem => {
    const list = JSON.parse(text) as TFinalLabel[];
    return {
      labels: Object.fromEntries(definitions.map((d, i) => [d.key, list[i]])),
      annotationCount: list.reduce((n, l) => n + l.annotationCount, 0),
    };
  };
  const groups = await client.query<{ labels: string; n: number }>(
    `SELECT ${labelsSql} AS labels, count(*)::int AS n FROM review_states s
      WHERE s.item_id = ANY($1::bigint[]) GROUP BY 1`,
    [storedIds, ...params],
  );
  for (const group of groups.rows) {
    const { labels, annotationCount } = labelsOf(group.labels);
    for (let i = 0; i < group.n; i++) stats.add(labels, annotationCount);
  }

  const { rows } = await client.query<{
    id: string;
    external_id: string | null;
    data: Record<string, unknown>;
    labels: string | null;
  }>(
    `SELECT i.id::text AS id, i.external_id, i.data, ${labelsSql} AS labels
       FROM items i LEFT JOIN review_states s ON s.item_id = i.id
      WHERE i.project_id = $1 AND i.id = ANY($${params.length + 2}::bigint[])`,
    [projectId, ...params, picked],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const examples: TEvalSetPreview["examples"] = picked.map((id) => {
    const row = byId.get(id)!;
    const item = pickedHere.get(id) ?? labelsOf(row.labels!);
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
    candidates: candidates.length,
    items: result.items,
    annotations: result.annotations,
    labelDistribution: result.labelDistribution,
    agreement: result.agreement,
    sources: result.sources,
    examples,
  };
}
