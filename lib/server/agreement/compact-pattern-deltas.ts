import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { getPool } from "@/lib/db";
import { getLogger } from "@/lib/server/log/logger";
import { advanceKeptPairTotals, keepsPairTotals, type TPairTotal } from "./pair-totals-memo";

/** Folding is worth it once the log holds this many rows, and twice what the last fold left. */
const FOLD_AFTER_ROWS = 2_000;
/** The pair log's size past which the applier folds it, whoever reads it (foldGrownPairLogs). */
const GROWN_PAIR_LOG_ROWS = 4_000;
const leftByLastFold = new Map<string, number>();
/** The logs this process is folding now: a reader that finds its log being folded leaves it be. */
const folding = new Set<string>();

/**
 * The append-only logs of rollup changes, the columns their rows are summed by, and where a fold
 * puts the sums: back into the log (patterns, a few thousand rows), or into a table of one row per
 * key (pairs: hundreds of thousands of rows after an import, whose space the log could not give
 * back with the sums written after them; docs/decisions/038-pair-totals.md).
 */
const LOGS = {
  patterns: {
    table: "agreement_pattern_deltas",
    keys: "definition_id, definition_version, ratings, pattern, week, batch_id",
    totals: null,
  },
  pairs: {
    table: "agreement_pair_deltas",
    keys: "definition_id, definition_version, user_a, user_b, value_a, value_b",
    totals: "agreement_pair_totals",
  },
} as const;

/**
 * Folds a definition's log of rollup changes (every refresh appends its +1 and -1 rows) into one row
 * per key (for patterns: version, pattern, week, batch), so reading it stays proportional to the
 * patterns, not to the labels since the last visit. Safe beside concurrent refreshes: the DELETE
 * takes the rows its snapshot sees and the INSERT puts exactly their sums back (or adds them to the
 * totals), in one statement; rows committed meanwhile stay in the log. One fold of a log at a time
 * over every process (a transaction-level advisory lock; two folds deleting the same rows in
 * different orders deadlocked): a fold that finds the lock taken leaves the log to that one.
 * Returns whether it folded (`foldAfterRows` for tests).
 */
export async function compactPatternDeltas(
  definitionId: string,
  log: keyof typeof LOGS = "patterns",
  foldAfterRows = FOLD_AFTER_ROWS,
): Promise<boolean> {
  const { table, keys, totals } = LOGS[log];
  const key = `${log}:${definitionId}`;
  const folded = await withTransaction(async (client) => {
    const { rows } = await client.query<{ locked: boolean; n: number }>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($2, 0)) AS locked,
              (SELECT count(*)::int FROM ${table} WHERE definition_id = $1) AS n`,
      [definitionId, `concord:fold:${key}`],
    );
    const [{ locked, n }] = rows;
    if (!locked || n < Math.max(foldAfterRows, 2 * (leftByLastFold.get(key) ?? 0))) return null;
    // The sums of the rows this snapshot sees, deleted from the log in the same statement: back into
    // the log, or added to the totals (in key order, so two transactions take their row locks alike).
    // Totals carry the fold's transaction id: readers that keep them in memory ask for the rows
    // written since the largest id they have seen (load-annotator-pairs.ts). Folds of a log run one
    // at a time and take their id after the lock, so a later fold writes a larger one.
    const [generation, generationValue] =
      totals === null ? ["", ""] : [", generation", ", pg_current_xact_id()::text::bigint"];
    const sums = `WITH folded AS (DELETE FROM ${table} WHERE definition_id = $1 RETURNING *)
       INSERT INTO ${totals ?? table} AS t (${keys}, items${generation})
       SELECT ${keys}, sum(items)::int${generationValue} FROM folded
        GROUP BY ${keys}
       HAVING sum(items) <> 0`;
    if (totals === null) {
      const written = await client.query(sums, [definitionId]);
      leftByLastFold.set(key, written.rowCount ?? 0);
      return NOTHING_TO_HAND_ON;
    }
    // What the fold wrote is handed to the totals this process keeps (pair-totals-memo.ts), if it
    // keeps any of the definition's: the applier folds logs nobody here reads, and then neither
    // each version's largest fold id before this fold nor the written keys are worth reading.
    const handOn = keepsPairTotals(definitionId);
    const before = handOn
      ? await client.query<[number, string]>({
          text: `SELECT definition_version, max(generation)::text FROM ${totals}
                  WHERE definition_id = $1 GROUP BY definition_version`,
          values: [definitionId],
          rowMode: "array",
        })
      : null;
    // A key whose total falls to 0 stays, at 0, with this fold's id: a reader holding its old total
    // learns that it is gone (readers leave zeros out).
    const written = await client.query<TWrittenRow>({
      text: `${sums} ORDER BY ${keys}
       ON CONFLICT (${keys}) DO UPDATE SET items = t.items + excluded.items, generation = excluded.generation
       ${handOn ? "RETURNING t.definition_version, t.user_a::text, t.user_b::text, t.value_a, t.value_b, t.items, t.generation::text" : ""}`,
      values: [definitionId],
      rowMode: "array",
    });
    // The log is empty now: the next fold when it holds the threshold's rows.
    leftByLastFold.set(key, 0);
    if (!before) return NOTHING_TO_HAND_ON;
    return { before: new Map(before.rows.map(([v, g]) => [v, BigInt(g)])), written: written.rows };
  });
  if (folded === null) return false;
  advanceKept(definitionId, folded.before, folded.written);
  return true;
}

/** [version, annotator a, annotator b, value a, value b, items, fold id] */
type TWrittenRow = [number, string, string | null, string | null, string | null, number, string];
/** A fold's result for the totals kept in memory: each version's largest fold id before it, the keys it wrote. */
type THandOn = { before: Map<number, bigint>; written: TWrittenRow[] };
const NOTHING_TO_HAND_ON: THandOn = { before: new Map(), written: [] };

/** Hands a pair fold's written totals to the totals this process keeps, version by version. */
function advanceKept(definitionId: string, before: Map<number, bigint>, written: TWrittenRow[]): void {
  if (written.length === 0) return;
  const byVersion = new Map<number, TPairTotal[]>();
  for (const [version, a, b, va, vb, items] of written) {
    if (!byVersion.has(version)) byVersion.set(version, []);
    byVersion.get(version)!.push([[a, b, va, vb], items]);
  }
  const generation = BigInt(written[0][6]);
  for (const [version, rows] of byVersion) {
    advanceKeptPairTotals(definitionId, version, before.get(version) ?? -1n, rows, generation);
  }
}

/**
 * What readers call: the fold runs after the reader's response, not in its way (at 1,000,000 items
 * under 50 labelers a fold of the pair log took 350 ms on average and up to 1 s, the drill-down's
 * slowest samples). The sums a reader reads are the same before and after a fold, so it never needs
 * to wait for one. A failure is logged, not thrown.
 */
export function foldInBackground(definitionId: string, log: keyof typeof LOGS = "patterns"): void {
  void foldUnlessFolding(definitionId, log, FOLD_AFTER_ROWS).catch((error: unknown) =>
    getLogger().warn({ err: error, definitionId, log }, "folding a rollup log failed"),
  );
}

/** One fold at a time per log in this process: a log being folded is left to that fold. */
async function foldUnlessFolding(
  definitionId: string,
  log: keyof typeof LOGS,
  foldAfterRows: number,
): Promise<boolean> {
  const key = `${log}:${definitionId}`;
  if (folding.has(key)) return false;
  folding.add(key);
  try {
    return await compactPatternDeltas(definitionId, log, foldAfterRows);
  } finally {
    folding.delete(key);
  }
}

/**
 * What the applier calls once a second (start-agreement-applier.ts): folds every pair log that holds
 * `rows` or more, one after another, so the log a drill-down reads stays bounded however long nobody
 * visits (under 50 labelers at 1,000,000 items it grows 1,600 rows a second: 40,000 rows after 25 s,
 * which the visit then read and its fold moved beside the next visit). The fold hands what it wrote
 * to the totals this process keeps, so the next visit reads neither those totals nor the folded log.
 * Returns how many logs it folded.
 */
export async function foldGrownPairLogs(rows = GROWN_PAIR_LOG_ROWS): Promise<number> {
  const { rows: grown } = await getPool().query<{ id: string }>(
    `SELECT definition_id::text AS id FROM agreement_pair_deltas
      GROUP BY definition_id HAVING count(*) >= $1`,
    [rows],
  );
  let folded = 0;
  for (const { id } of grown) if (await foldUnlessFolding(id, "pairs", rows)) folded++;
  return folded;
}
