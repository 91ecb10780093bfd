import "server-only";
import type { Pool } from "pg";

/**
 * One pass of the applier: refreshes the agreement rollups of the labels queued in every project
 * when the pass starts (concord_agreement_apply, docs/decisions/034-deferred-agreement-refresh.md).
 * Returns how many (definition, item) pairs it refreshed.
 *
 * It does not fold the logs of rollup changes after each pass (compact-pattern-deltas.ts): tried
 * when the pair log folded into itself, at 200,000 items under 50 labelers the log doubled about
 * every second, and the applier folded it 103 times in 90 s (207 ms each) where readers had folded
 * it 7 times (350 ms each). Pair logs past a few thousand rows are folded once a second instead
 * (start-agreement-applier.ts).
 */
export async function applyQueuedRefreshes(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pairs: number }>("SELECT concord_agreement_apply() AS pairs");
  return rows[0].pairs;
}
