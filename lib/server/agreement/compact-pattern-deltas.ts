import "server-only";
import { getPool } from "@/lib/db";

/** Folding is worth it once the log holds this many rows, and twice what the last fold left. */
const FOLD_AFTER_ROWS = 2_000;
const leftByLastFold = new Map<string, number>();

/** The append-only logs of rollup changes, and the columns their rows are summed by. */
const LOGS = {
  patterns: {
    table: "agreement_pattern_deltas",
    keys: "definition_id, definition_version, ratings, pattern, week, batch_id",
  },
  pairs: {
    table: "agreement_pair_deltas",
    keys: "definition_id, definition_version, user_a, user_b, value_a, value_b",
  },
} as const;

/**
 * Folds a definition's log of rollup changes (every refresh appends its +1 and -1 rows) into one row
 * per key (for patterns: version, pattern, week, batch), so reading it stays proportional to the
 * patterns, not to the labels since the last visit. Safe beside concurrent refreshes: the DELETE
 * takes the rows its snapshot sees and the INSERT puts back exactly their sums; rows committed
 * meanwhile stay as they are, and a concurrent fold skips the rows this one deleted. Returns whether
 * it folded (`foldAfterRows` for tests).
 */
export async function compactPatternDeltas(
  definitionId: string,
  log: keyof typeof LOGS = "patterns",
  foldAfterRows = FOLD_AFTER_ROWS,
): Promise<boolean> {
  const pool = getPool();
  const { table, keys } = LOGS[log];
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE definition_id = $1`,
    [definitionId],
  );
  const key = `${log}:${definitionId}`;
  if (rows[0].n < Math.max(foldAfterRows, 2 * (leftByLastFold.get(key) ?? 0))) return false;
  const folded = await pool.query(
    `WITH folded AS (DELETE FROM ${table} WHERE definition_id = $1 RETURNING *)
     INSERT INTO ${table} (${keys}, items)
     SELECT ${keys}, sum(items)::int FROM folded
      GROUP BY ${keys}
     HAVING sum(items) <> 0`,
    [definitionId],
  );
  leftByLastFold.set(key, folded.rowCount ?? 0);
  return true;
}
