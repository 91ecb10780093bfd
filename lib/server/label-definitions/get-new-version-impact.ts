import "server-only";
import { getPool } from "@/lib/db";
import type { TNewVersionImpact } from "@/lib/label-definitions/new-version-impact";
import { notFound } from "@/lib/server/errors";

/**
 * What a new version of the definition would make stale, for the lead about to save one: its
 * current labels (all of them fall behind), the items holding them, and the frozen eval-set
 * versions that carry the definition at its current version (their lineage then says stale).
 */
export async function getNewVersionImpact(projectId: string, key: string): Promise<TNewVersionImpact> {
  const pool = getPool();
  const found = await pool.query<{ id: string; current_version: number }>(
    "SELECT id, current_version FROM label_definitions WHERE project_id = $1 AND key = $2",
    [projectId, key],
  );
  const definition = found.rows[0];
  if (!definition) throw notFound("Label definition");
  const [labels, evalSets] = await Promise.all([
    pool.query<{ version: number | null; labels: number; items: number }>(
      // The grouping sets give each version's counts and, in the row without a version, the totals
      // (an item labeled under two versions counts once there).
      `SELECT definition_version AS version, count(*)::int AS labels, count(DISTINCT item_id)::int AS items
         FROM annotations WHERE definition_id = $1 AND is_current
        GROUP BY GROUPING SETS ((definition_version), ())
        ORDER BY definition_version NULLS LAST`,
      [definition.id],
    ),
    pool.query<{ sets: number; versions: number }>(
      `SELECT count(DISTINCT s.id)::int AS sets, count(*)::int AS versions
         FROM eval_set_versions v JOIN eval_sets s ON s.id = v.eval_set_id
        WHERE s.project_id = $1 AND v.sealed_at IS NOT NULL
          AND v.manifest->'definitions' @> jsonb_build_array(jsonb_build_object('key', $2::text, 'currentVersion', $3::int))`,
      [projectId, key, definition.current_version],
    ),
  ]);
  const total = labels.rows.find((r) => r.version === null);
  return {
    currentVersion: definition.current_version,
    labels: total?.labels ?? 0,
    items: total?.items ?? 0,
    versions: labels.rows
      .filter((r) => r.version !== null)
      .map((r) => ({ version: r.version!, labels: r.labels, items: r.items })),
    evalSets: evalSets.rows[0].sets,
    evalSetVersions: evalSets.rows[0].versions,
  };
}
