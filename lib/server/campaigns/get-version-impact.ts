import "server-only";
import { getPool } from "@/lib/db";
import type { TVersionImpact } from "@/lib/schemas/campaigns";
import { notFound } from "@/lib/server/errors";

/**
 * Which items hold labels of a definition under which version (current annotations, by version):
 * what a new version leaves behind, and what a relabel campaign could take up.
 */
export async function getVersionImpact(projectId: string, key: string): Promise<TVersionImpact> {
  const pool = getPool();
  const definition = await pool.query<{ id: string; current_version: number }>(
    "SELECT id, current_version FROM label_definitions WHERE project_id = $1 AND key = $2",
    [projectId, key],
  );
  const row = definition.rows[0];
  if (!row) throw notFound("Label definition");
  const { rows } = await pool.query<{ version: number; items: number }>(
    `SELECT definition_version AS version, count(DISTINCT item_id)::int AS items
       FROM annotations WHERE definition_id = $1 AND is_current
      GROUP BY definition_version ORDER BY definition_version`,
    [row.id],
  );
  return { currentVersion: row.current_version, versions: rows };
}
