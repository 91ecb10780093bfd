import "server-only";
import type { Pool, PoolClient } from "pg";

/**
 * Frees the slots of expired leases (all projects when `projectId` is null): marks them expired and
 * gives their items the slot back, in one statement, so counters never disagree with assignments.
 * Bounded per call; leases someone else is handling right now are skipped, not waited for.
 */
export async function reclaimExpiredLeases(
  db: Pool | PoolClient,
  projectId: string | null,
  limit = 100,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT concord_reclaim_expired($1, $2) AS n", [
    projectId,
    limit,
  ]);
  return rows[0].n;
}
