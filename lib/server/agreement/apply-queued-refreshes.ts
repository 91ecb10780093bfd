import "server-only";
import type { Pool } from "pg";

/**
 * One pass of the applier: refreshes the agreement rollups of the labels queued in every project
 * when the pass starts (concord_agreement_apply, docs/decisions/034-deferred-agreement-refresh.md).
 * Returns how many (definition, item) pairs it refreshed.
 */
export async function applyQueuedRefreshes(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pairs: number }>("SELECT concord_agreement_apply() AS pairs");
  return rows[0].pairs;
}
