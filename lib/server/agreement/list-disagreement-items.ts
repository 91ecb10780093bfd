import "server-only";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { currentLabelsSql } from "./current-labels-sql";

export type TItemLabels = {
  itemId: string;
  externalId: string | null;
  preview: string;
  data: Record<string, unknown>;
  /** [annotator user id, value as JSON text], in annotator order. */
  labels: [string, string][];
};

/**
 * The items of a (non-span) definition whose annotators disagree most: the lowest share of
 * agreeing annotator pairs (ratings: the largest mean squared difference between annotators),
 * then the most annotators. Ranked in SQL over per-item aggregates; only the winners' labels are read.
 */
export async function listDisagreementItems(
  definitionId: string,
  version: number | null,
  kind: string,
  limit = 20,
): Promise<TItemLabels[]> {
  const current = `SELECT item_id, value FROM (${await currentLabelsSql(definitionId)}) c`;
  const ranking =
    kind === "rating"
      ? `SELECT item_id FROM (${current}) c GROUP BY item_id HAVING count(*) >= 2
          ORDER BY (count(*) * sum(((value #>> '{}')::float8) ^ 2) - sum((value #>> '{}')::float8) ^ 2)
                   / (count(*) * (count(*) - 1)) DESC, count(*) DESC, item_id
          LIMIT $3`
      : `SELECT item_id FROM (SELECT item_id, count(*) AS n FROM (${current}) c GROUP BY item_id, value) per_value
          GROUP BY item_id HAVING sum(n) >= 2
          ORDER BY sum(n * (n - 1))::float8 / (sum(n) * (sum(n) - 1)), sum(n) DESC, item_id
          LIMIT $3`;
  const ids = await withTransaction(async (client) => {
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query("SET LOCAL jit = off");
    const { rows } = await client.query<[string]>({
      text: ranking,
      values: [definitionId, version, limit],
      rowMode: "array",
    });
    return rows.map((r) => r[0]);
  });
  return itemLabels(definitionId, version, ids);
}

/** Items with every current label of the definition (one version, or all), in the order of `ids`. */
export async function itemLabels(
  definitionId: string,
  version: number | null,
  ids: string[],
): Promise<TItemLabels[]> {
  if (ids.length === 0) return [];
  const { rows } = await getPool().query<
    [string, string | null, Record<string, unknown>, string | null, string | null]
  >({
    text: `SELECT i.id::text, i.external_id, i.data, a.user_id::text, a.value::text
             FROM items i LEFT JOIN annotations a
               ON a.item_id = i.id AND a.definition_id = $1 AND a.is_current AND a.value IS NOT NULL
              AND ($2::int IS NULL OR a.definition_version = $2)
            WHERE i.id = ANY($3::int8[])
            ORDER BY i.id, a.user_id`,
    values: [definitionId, version, ids],
    rowMode: "array",
  });
  const byId = new Map<string, TItemLabels>();
  for (const [itemId, externalId, data, user, value] of rows) {
    if (!byId.has(itemId))
      byId.set(itemId, { itemId, externalId, preview: previewOf(data), data, labels: [] });
    if (user !== null && value !== null) byId.get(itemId)!.labels.push([user, value]);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function previewOf(data: Record<string, unknown>): string {
  return itemPreview(data, { max: 240 });
}
