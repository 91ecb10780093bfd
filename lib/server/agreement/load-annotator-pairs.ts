import "server-only";
import { getPool } from "@/lib/db";
import { foldInBackground } from "./compact-pattern-deltas";

/**
 * A definition's ($1) pair rows of one version ($2, 0 for all): the folded totals and the log since
 * (docs/decisions/038-pair-totals.md). A fold moves rows from one to the other in one statement, so a
 * snapshot counts each row once.
 */
const PAIR_ROWS = `(SELECT user_a, user_b, value_a, value_b, items FROM agreement_pair_totals
                     WHERE definition_id = $1 AND definition_version = $2
                    UNION ALL
                    SELECT user_a, user_b, value_a, value_b, items FROM agreement_pair_deltas
                     WHERE definition_id = $1 AND definition_version = $2) AS pair_rows`;

export type TAnnotatorPairRows = {
  /** [annotator a, annotator b (a < b), a's value, b's value, items] */
  pairs: [string, string, string, string, number][];
  /** [annotator, labels, items labeled along with someone else] */
  users: [string, number, number][];
};

/**
 * Who agreed with whom on a (non-span) definition: for every pair of annotators and pair of values
 * (as JSON text), the number of items where one gave the first and the other the second; and per
 * annotator, their labels and how many of their items someone else labeled too (one label per
 * annotator and item, their latest, as currentLabelsSql reads them). Read from the
 * rollups the database keeps (prisma/functions/agreement-pairs.sql, docs/decisions/029-review-states.md),
 * brought up to date by the request's flush (docs/decisions/034-deferred-agreement-refresh.md): tens
 * of thousands of folded totals and the log since the last fold, not a self-join of annotations.
 */
export async function loadAnnotatorPairs(
  definitionId: string,
  version: number | null,
): Promise<TAnnotatorPairRows> {
  const pool = getPool();
  const [pairs, users] = await Promise.all([
    pool.query<[string, string, string, string, number]>({
      text: `SELECT user_a::text, user_b::text, value_a, value_b, sum(items)::int
               FROM ${PAIR_ROWS} WHERE user_b IS NOT NULL
              GROUP BY 1, 2, 3, 4 HAVING sum(items) <> 0`,
      values: [definitionId, version ?? 0],
      rowMode: "array",
    }),
    pool.query<[string, number, number]>({
      text: `SELECT user_a::text, sum(items) FILTER (WHERE value_a = 'labels')::int,
                    coalesce(sum(items) FILTER (WHERE value_a = 'shared'), 0)::int
               FROM ${PAIR_ROWS} WHERE user_b IS NULL
              GROUP BY user_a HAVING sum(items) FILTER (WHERE value_a = 'labels') > 0`,
      values: [definitionId, version ?? 0],
      rowMode: "array",
    }),
  ]);
  // Then the log is folded if it grew, in the background (the sums are the same before and after).
  foldInBackground(definitionId, "pairs");
  return { pairs: pairs.rows, users: users.rows };
}
