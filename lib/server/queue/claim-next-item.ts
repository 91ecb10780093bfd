import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import type { TServedAssignment } from "@/lib/schemas/queue";
import { loadCurrentDefinitions, loadServedDefinitions } from "./load-served-definitions";
import { reclaimExpiredLeases } from "./reclaim-expired-leases";
import { SERVED_COLUMNS, serializeServed, type TServedRow } from "./serialize-served";

/**
 * "My next item": the caller's live lease in the project if they hold one (a reload burns
 * nothing), else a new lease on the first open item they have never been served: started items
 * first, then by priority, then in import order.
 *
 * Raw SQL on purpose: this is the hot path. The candidate comes from items_queue_idx (open items
 * only, already in serving order) with FOR UPDATE SKIP LOCKED, so concurrent claimers never wait
 * on each other and the cost does not grow with the project's size.
 */
export async function claimNextItem(userId: string, projectId: string): Promise<TServedAssignment | null> {
  await reclaimExpiredLeases(getPool(), projectId, 50);
  return withTransaction((client) => claimInTransaction(client, userId, projectId));
}

export async function claimInTransaction(
  client: PoolClient,
  userId: string,
  projectId: string,
): Promise<TServedAssignment | null> {
  // One claim at a time per (project, annotator): a double click cannot lease two items.
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 7))", [
    projectId,
    userId,
  ]);
  const live = await client.query<TServedRow & { definition_versions: Record<string, number> }>(
    `SELECT ${SERVED_COLUMNS} FROM assignments a JOIN items i ON i.id = a.item_id
      WHERE a.project_id = $1 AND a.user_id = $2 AND a.status = 'leased' AND a.expires_at > now()
      ORDER BY a.id LIMIT 1`,
    [projectId, userId],
  );
  if (live.rows[0]) {
    const row = live.rows[0];
    return serializeServed(row, await loadServedDefinitions(client, projectId, row.definition_versions));
  }
  const project = await client.query<{ lease_seconds: number; archived: boolean }>(
    "SELECT lease_seconds, archived_at IS NOT NULL AS archived FROM projects WHERE id = $1",
    [projectId],
  );
  if (!project.rows[0] || project.rows[0].archived) return null;
  const definitions = await loadCurrentDefinitions(client, projectId);
  if (definitions.length === 0) return null;
  const candidate = await client.query<{ id: string }>(
    `SELECT i.id FROM items i
      WHERE i.project_id = $1 AND i.done_count + i.lease_count < i.target_count
        AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = $2)
      ORDER BY (i.done_count + i.lease_count > 0) DESC, i.priority DESC, i.id
      LIMIT 1
      FOR UPDATE OF i SKIP LOCKED`,
    [projectId, userId],
  );
  const itemId = candidate.rows[0]?.id;
  if (!itemId) return null;
  const versions = Object.fromEntries(definitions.map((d) => [d.key, d.version]));
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO assignments (project_id, item_id, user_id, definition_versions, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING id`,
    [projectId, itemId, userId, JSON.stringify(versions), project.rows[0].lease_seconds],
  );
  await client.query("UPDATE items SET lease_count = lease_count + 1 WHERE id = $1", [itemId]);
  const served = await client.query<TServedRow>(
    `SELECT ${SERVED_COLUMNS} FROM assignments a JOIN items i ON i.id = a.item_id WHERE a.id = $1`,
    [inserted.rows[0].id],
  );
  return serializeServed(served.rows[0], definitions);
}
