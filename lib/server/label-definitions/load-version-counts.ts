import "server-only";
import { getPool } from "@/lib/db";
import { notFound } from "@/lib/server/errors";

export type TVersionCounts = {
  definitionId: string;
  currentVersion: number;
  /** Current annotations per definition version, oldest first. */
  versions: { version: number; labels: number; items: number }[];
  /** Over all versions: an item labeled under two versions counts once. */
  total: { labels: number; items: number };
};

/**
 * A definition's current annotations counted by the version they answer: what a new version
 * leaves behind (the editor's warning, the impact endpoint) and what a relabel campaign can take up.
 */
export async function loadVersionCounts(projectId: string, key: string): Promise<TVersionCounts> {
  const pool = getPool();
  const found = await pool.query<{ id: string; current_version: number }>(
    "SELECT id, current_version FROM label_definitions WHERE project_id = $1 AND key = $2",
    [projectId, key],
  );
  const definition = found.rows[0];
  if (!definition) throw notFound("Label definition");
  const { rows } = await pool.query<{ version: number | null; labels: number; items: number }>(
    // The grouping sets give each version's counts and, in the row without a version, the totals.
    `SELECT definition_version AS version, count(*)::int AS labels, count(DISTINCT item_id)::int AS items
       FROM annotations WHERE definition_id = $1 AND is_current
      GROUP BY GROUPING SETS ((definition_version), ())
      ORDER BY definition_version NULLS LAST`,
    [definition.id],
  );
  const total = rows.find((r) => r.version === null);
  return {
    definitionId: definition.id,
    currentVersion: definition.current_version,
    versions: rows.flatMap((r) =>
      r.version === null ? [] : [{ version: r.version, labels: r.labels, items: r.items }],
    ),
    total: { labels: total?.labels ?? 0, items: total?.items ?? 0 },
  };
}
