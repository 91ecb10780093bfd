import "server-only";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { currentLabelsSql } from "./current-labels-sql";

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
 * annotator and item, their latest: currentLabelsSql). Aggregated in SQL
 * (a self-join on the item), so only a few thousand rows come back whatever the project's size.
 */
export async function loadAnnotatorPairs(
  definitionId: string,
  version: number | null,
): Promise<TAnnotatorPairRows> {
  const current = `SELECT item_id, user_id, value::text AS v FROM (${await currentLabelsSql(definitionId)}) c`;
  const [pairs, users] = await Promise.all([
    withTransaction(async (client) => {
      await client.query("SET LOCAL work_mem = '128MB'");
      await client.query("SET LOCAL jit = off");
      const { rows } = await client.query<[string, string, string, string, number]>({
        text: `WITH cur AS MATERIALIZED (${current})
               SELECT a.user_id::text, b.user_id::text, a.v, b.v, count(*)::int
                 FROM cur a JOIN cur b ON b.item_id = a.item_id AND b.user_id > a.user_id
                GROUP BY 1, 2, 3, 4`,
        values: [definitionId, version],
        rowMode: "array",
      });
      return rows;
    }),
    getPool().query<[string, number, number]>({
      text: `WITH cur AS MATERIALIZED (${current}),
                  per_item AS (SELECT item_id, count(*) AS n FROM cur GROUP BY item_id)
             SELECT c.user_id::text, count(*)::int, (count(*) FILTER (WHERE p.n >= 2))::int
               FROM cur c JOIN per_item p USING (item_id) GROUP BY c.user_id`,
      values: [definitionId, version],
      rowMode: "array",
    }),
  ]);
  return { pairs, users: users.rows };
}
