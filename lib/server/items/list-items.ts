import "server-only";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";
import { itemStatus, statusCondition } from "@/lib/items/item-status";
import type { TItemSummary, TItemsQuery } from "@/lib/schemas/items";
import { loadLabelContext } from "@/lib/server/final-labels/load-label-context";
import { labelItems } from "@/lib/server/final-labels/scan-final-labels";

/**
 * How many items one request looks at, at most, in id order. Filters that match rarely give short
 * pages (followed by `nextCursor`) rather than a request that reads the whole project: the cost of
 * a page stays the same at 1,000,000 items as at 1,000.
 */
export const SCAN_WINDOW = 5000;
/** Candidates read when the final labels decide (done / resolved, a label filter). */
const LABELLED_CANDIDATES = 400;

type TRow = {
  id: string;
  external_id: string | null;
  batch_id: string;
  batch_name: string;
  priority: number;
  data: Record<string, unknown>;
  created_at: Date;
  done_count: number;
  lease_count: number;
  target_count: number;
  is_adjudicated: boolean;
};

/**
 * One page of a project's items in import order, keyset-paginated on the item id (no OFFSET scans),
 * with status, annotation count, final labels and batch. Raw SQL: filters over data fields and text
 * search are jsonb operators Prisma cannot express, and the window below must bound every request.
 */
export async function listItems(
  projectId: string,
  query: TItemsQuery,
): Promise<{ items: TItemSummary[]; nextCursor: string | null }> {
  const pool = getPool();
  const after = query.after ?? "0";
  // The window: the next SCAN_WINDOW ids (of the batch), read from the (project_id, id) or
  // (batch_id, id) index alone.
  const windowSql = query.batch
    ? "SELECT id FROM items WHERE batch_id = $2 AND project_id = $1 AND id > $3 ORDER BY id LIMIT $4"
    : "SELECT id FROM items WHERE project_id = $1 AND id > $3 AND $2::uuid IS NULL ORDER BY id LIMIT $4";
  // The definitions and hidden fields do not depend on the window: read in the same round trip.
  const [window, definitions, hidden] = await Promise.all([
    pool.query<{ last: string | null; n: number }>(
      `SELECT max(id)::text AS last, count(*)::int AS n FROM (${windowSql}) w`,
      [projectId, query.batch ?? null, after, SCAN_WINDOW],
    ),
    loadLabelContext(pool, projectId),
    pool.query<{ hidden_fields: string[] }>("SELECT hidden_fields FROM projects WHERE id = $1", [projectId]),
  ]);
  const { last, n } = window.rows[0];
  if (last === null) return { items: [], nextCursor: null };
  const isWindowFull = n === SCAN_WINDOW;

  const byLabels = query.status === "done" || query.status === "resolved" || query.label !== undefined;
  const fetch = byLabels ? LABELLED_CANDIDATES : query.limit + 1;
  const page = itemsPageQuery(projectId, query, after, last, fetch);
  const { rows } = await pool.query<TRow>(page.text, page.values);

  const hiddenFields = new Set(hidden.rows[0]?.hidden_fields ?? []);
  const labelled = await labelItems(
    pool,
    projectId,
    definitions,
    rows.map((r) => ({
      id: r.id,
      batch_id: r.batch_id,
      external_id: r.external_id,
      is_complete: r.done_count >= r.target_count,
    })),
  );
  const labelsOf = new Map(labelled.map((l) => [l.itemId, l.labels]));
  const summaries = rows.flatMap((r): TItemSummary[] => {
    const labels = labelsOf.get(r.id);
    if (!labels) return [];
    // An item still waiting for annotations has no final label yet, whatever the first ones say.
    const isSettled = r.is_adjudicated || r.done_count >= r.target_count;
    const finalLabels = Object.fromEntries(
      Object.entries(labels).flatMap(([key, label]) =>
        isSettled && label.isResolved ? [[key, label.value]] : [],
      ),
    );
    const status = itemStatus(
      {
        doneCount: r.done_count,
        leaseCount: r.lease_count,
        targetCount: r.target_count,
        isAdjudicated: r.is_adjudicated,
      },
      () => Object.values(labels).every((l) => l.isResolved),
    );
    if (query.status && status !== query.status) return [];
    if (query.label !== undefined) {
      if (!(query.label in finalLabels)) return [];
      if (query.labelValue !== undefined && valueText(finalLabels[query.label]) !== query.labelValue)
        return [];
    }
    return [
      {
        id: r.id,
        externalId: r.external_id,
        batchId: r.batch_id,
        batchName: r.batch_name,
        priority: r.priority,
        preview: itemPreview(r.data, { hidden: hiddenFields }),
        createdAt: r.created_at.toISOString(),
        status,
        annotationCount: r.done_count,
        targetCount: r.target_count,
        finalLabels,
      },
    ];
  });

  const shown = summaries.slice(0, query.limit);
  // More may follow: past the page, past the candidates read, or past the window.
  const nextCursor =
    summaries.length > query.limit
      ? shown[shown.length - 1].id
      : rows.length === fetch
        ? rows[rows.length - 1].id
        : isWindowFull
          ? last
          : null;
  return { items: shown, nextCursor };
}

/**
 * The SQL of one page: items in (after, last] of the window that pass the filters the database can
 * decide, in id order. Exported for the bench, which EXPLAINs it.
 */
export function itemsPageQuery(
  projectId: string,
  query: TItemsQuery,
  after: string,
  last: string,
  fetch: number,
): { text: string; values: unknown[] } {
  const conditions = ["i.project_id = $1", "i.id > $2", "i.id <= $3"];
  const params: unknown[] = [projectId, after, last];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.batch) conditions.push(`i.batch_id = ${param(query.batch)}`);
  if (query.status) conditions.push(statusCondition(query.status));
  if (query.minAnnotations !== undefined) conditions.push(`i.done_count >= ${param(query.minAnnotations)}`);
  if (query.maxAnnotations !== undefined) conditions.push(`i.done_count <= ${param(query.maxAnnotations)}`);
  if (query.field !== undefined) {
    conditions.push(
      query.value === undefined
        ? `i.data ? ${param(query.field)}`
        : `i.data ->> ${param(query.field)} = ${param(query.value)}`,
    );
  }
  if (query.q !== undefined) {
    conditions.push(
      `EXISTS (SELECT 1 FROM jsonb_each(i.data) e WHERE jsonb_typeof(e.value) = 'string'
                 AND strpos(lower(e.value #>> '{}'), ${param(query.q.toLowerCase())}) > 0)`,
    );
  }
  // A subquery so that the conditions can name is_adjudicated; PostgreSQL flattens it.
  return {
    text: `SELECT i.id::text AS id, i.external_id, i.batch_id, i.batch_name, i.priority, i.data, i.created_at,
            i.done_count, i.lease_count, i.target_count, i.is_adjudicated
       FROM (SELECT i.*, b.name AS batch_name,
                    EXISTS (SELECT 1 FROM adjudications d WHERE d.item_id = i.id) AS is_adjudicated
               FROM items i JOIN batches b ON b.id = i.batch_id) i
      WHERE ${conditions.join(" AND ")}
      ORDER BY i.id LIMIT ${param(fetch)}`,
    values: params,
  };
}

/** A final value as a filter compares it: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
