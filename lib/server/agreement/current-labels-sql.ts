import "server-only";
import { getPool } from "@/lib/db";

/**
 * SQL for a definition's current labels ($1; one version $2, or all versions when $2 is null) as
 * (item_id, user_id, value), one per annotator and item: an annotator who labeled an item again in
 * a relabel campaign counts with their latest label, as in the rollups (docs/decisions/020). Only a
 * definition that has had a campaign can hold two, so only those pay for the sort.
 */
export async function currentLabelsSql(definitionId: string): Promise<string> {
  const { rows } = await getPool().query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM campaigns WHERE definition_id = $1) AS found",
    [definitionId],
  );
  const where = `WHERE definition_id = $1 AND is_current AND value IS NOT NULL
                   AND ($2::int IS NULL OR definition_version = $2)`;
  return rows[0].found
    ? `SELECT DISTINCT ON (item_id, user_id) item_id, user_id, value FROM annotations ${where}
        ORDER BY item_id, user_id, created_at DESC, id DESC`
    : `SELECT item_id, user_id, value FROM annotations ${where}`;
}
