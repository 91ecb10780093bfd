import "server-only";
import { getPool } from "@/lib/db";
import { foldInBackground } from "./compact-pattern-deltas";

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
 * brought up to date by the request's flush (docs/decisions/034-deferred-agreement-refresh.md): a log
 * of thousands of rows, not a self-join of annotations.
 */
export async function loadAnnotatorPairs(
  definitionId: string,
  version: number | null,
): Promise<TAnnotatorPairRows> {
  const pool = getPool();
  const [pairs, users] = await Promise.all([
    pool.query<[string, string, string, string, number]>({
      text: `SELECT user_a::text, user_b::text, value_a, value_b, sum(items)::int FROM agreement_pair_deltas
              WHERE definition_id = $1 AND definition_version = $2 AND user_b IS NOT NULL
              GROUP BY 1, 2, 3, 4 HAVING sum(items) <> 0`,
      values: [definitionId, version ?? 0],
      rowMode: "array",
    }),
    pool.query<[string, number, number]>({
      text: `SELECT user_a::text, sum(items) FILTER (WHERE value_a = 'labels')::int,
                    coalesce(sum(items) FILTER (WHERE value_a = 'shared'), 0)::int
               FROM agreement_pair_deltas
              WHERE definition_id = $1 AND definition_version = $2 AND user_b IS NULL
              GROUP BY user_a HAVING sum(items) FILTER (WHERE value_a = 'labels') > 0`,
      values: [definitionId, version ?? 0],
      rowMode: "array",
    }),
  ]);
  // Then the log is folded if it grew, in the background (the sums are the same before and after).
  foldInBackground(definitionId, "pairs");
  return { pairs: pairs.rows, users: users.rows };
}
