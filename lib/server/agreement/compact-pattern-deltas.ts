import "server-only";
import { getPool } from "@/lib/db";
import { getLogger } from "@/lib/server/log/logger";

/** Folding is worth it once the log holds this many rows, and twice what the last fold left. */
const FOLD_AFTER_ROWS = 2_000;
const leftByLastFold = new Map<string, number>();
/** The logs this process is folding now: a reader that finds its log being folded leaves it be. */
const folding = new Set<string>();

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

/**
 * What readers call: the fold runs after the reader's response, not in its way (at 1,000,000 items
 * under 50 labelers a fold of the pair log took 350 ms on average and up to 1 s, the drill-down's
 * slowest samples), one at a time per log in this process. The sums a reader reads are the same
 * before and after a fold, so it never needs to wait for one. A failure is logged, not thrown.
 */
export function foldInBackground(definitionId: string, log: keyof typeof LOGS = "patterns"): void {
  const key = `${log}:${definitionId}`;
  if (folding.has(key)) return;
  folding.add(key);
  compactPatternDeltas(definitionId, log)
    .catch((error: unknown) =>
      getLogger().warn({ err: error, definitionId, log }, "folding a rollup log failed"),
    )
    .finally(() => folding.delete(key));
}
