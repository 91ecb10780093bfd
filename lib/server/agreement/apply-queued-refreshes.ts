import "server-only";
import type { Pool } from "pg";

/**
 * Refreshes the agreement rollups of the labels queued since the last pass, project by project, oldest
 * first (concord_agreement_apply_oldest, docs/decisions/034-deferred-agreement-refresh.md); at most
 * `maxProjects` flushes, so one pass never runs long. Returns how many flushes found work.
 */
export async function applyQueuedRefreshes(pool: Pool, maxProjects = 20): Promise<number> {
  let applied = 0;
  while (applied < maxProjects) {
    const { rows } = await pool.query<{ n: number }>("SELECT concord_agreement_apply_oldest() AS n");
    if (rows[0].n === 0) break;
    applied += 1;
  }
  return applied;
}
