import "server-only";
import type { Pool, PoolClient } from "pg";

/**
 * Frees the slots of expired leases: marks them expired and gives their items the slot back, in one
 * statement (so the counters never disagree with the assignments). Bounded per call; leases being
 * handled by someone else right now are skipped, not waited for.
 */
export async function reclaimExpiredLeases(
  db: Pool | PoolClient,
  projectId: string | null,
  limit = 100,
): Promise<number> {
  try {
    const { rowCount } = await db.query(
      `WITH expired AS (
         UPDATE assignments SET status = 'expired'
          WHERE id IN (SELECT id FROM assignments
                        WHERE status = 'leased' AND expires_at < now() AND ($1::uuid IS NULL OR project_id = $1)
                        ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING item_id)
       UPDATE items i SET lease_count = i.lease_count - e.n
         FROM (SELECT item_id, count(*)::int AS n FROM expired GROUP BY item_id ORDER BY item_id) e
        WHERE i.id = e.item_id`,
      [projectId, limit],
    );
    return rowCount ?? 0;
  } catch (error) {
    // Two reclaimers meeting on the same items may deadlock; PostgreSQL aborts one, and the next
    // claim or sweep finishes the job. Nothing is half-done: the statement is atomic.
    if ((error as { code?: string }).code === "40P01") return 0;
    throw error;
  }
}
