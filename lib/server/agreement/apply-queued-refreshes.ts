import "server-only";
import type { Pool } from "pg";
import { compactPatternDeltas, FOLD_AFTER_ROWS } from "./compact-pattern-deltas";

/**
 * One pass of the applier: refreshes the agreement rollups of the labels queued in every project
 * when the pass starts (concord_agreement_apply, docs/decisions/034-deferred-agreement-refresh.md),
 * then folds the logs of those projects' definitions that have doubled since their last fold, so
 * that a reader's request seldom does (compact-pattern-deltas.ts). Returns how many (definition,
 * item) pairs it refreshed.
 */
export async function applyQueuedRefreshes(pool: Pool, foldAfterRows = FOLD_AFTER_ROWS): Promise<number> {
  const projects = await pool.query<{ project_id: string }>(
    "SELECT DISTINCT project_id FROM agreement_refresh_queue",
  );
  const { rows } = await pool.query<{ pairs: number }>("SELECT concord_agreement_apply() AS pairs");
  if (projects.rows.length > 0) {
    const definitions = await pool.query<{ id: string; kind: string }>(
      "SELECT id, kind FROM label_definitions WHERE project_id = ANY($1::uuid[]) AND kind <> 'spans'",
      [projects.rows.map((p) => p.project_id)],
    );
    for (const { id, kind } of definitions.rows) {
      await compactPatternDeltas(id, "patterns", foldAfterRows);
      if (kind !== "ranking" && kind !== "rubric") await compactPatternDeltas(id, "pairs", foldAfterRows);
    }
  }
  return rows[0].pairs;
}
