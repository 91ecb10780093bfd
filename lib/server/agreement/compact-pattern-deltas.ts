import "server-only";
import { getPool } from "@/lib/db";

/** Folding is worth it once the log holds this many rows, and twice what the last fold left. */
const FOLD_AFTER_ROWS = 2_000;
const leftByLastFold = new Map<string, number>();

/**
 * Folds a definition's log of pattern changes (every submit appends its +1 and -1 rows) into one row
 * per (version, pattern, week, batch), so reading it stays proportional to the patterns, not to the
 * labels since the last visit. Safe beside concurrent submits: the DELETE takes the rows its snapshot
 * sees and the INSERT puts back exactly their sums; rows committed meanwhile stay as they are, and a
 * concurrent fold skips the rows this one deleted.
 */
export async function compactPatternDeltas(definitionId: string): Promise<void> {
  const pool = getPool();
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM agreement_pattern_deltas WHERE definition_id = $1",
    [definitionId],
  );
  if (rows[0].n < Math.max(FOLD_AFTER_ROWS, 2 * (leftByLastFold.get(definitionId) ?? 0))) return;
  const folded = await pool.query(
    `WITH folded AS (DELETE FROM agreement_pattern_deltas WHERE definition_id = $1 RETURNING *)
     INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
     SELECT definition_id, definition_version, ratings, pattern, week, batch_id, sum(items)::int FROM folded
      GROUP BY definition_id, definition_version, ratings, pattern, week, batch_id
     HAVING sum(items) <> 0`,
    [definitionId],
  );
  leftByLastFold.set(definitionId, folded.rowCount ?? 0);
}
