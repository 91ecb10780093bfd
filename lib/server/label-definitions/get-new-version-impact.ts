import "server-only";
import { getPool } from "@/lib/db";
import type { TNewVersionImpact } from "@/lib/label-definitions/new-version-impact";
import { loadVersionCounts } from "./load-version-counts";

/**
 * What a new version of the definition would make stale, for the lead about to save one: its
 * current labels (all of them fall behind), the items holding them, and the frozen eval-set
 * versions that carry the definition at its current version (their lineage then says stale).
 */
export async function getNewVersionImpact(projectId: string, key: string): Promise<TNewVersionImpact> {
  const counts = await loadVersionCounts(projectId, key);
  const evalSets = await getPool().query<{ sets: number; versions: number }>(
    `SELECT count(DISTINCT s.id)::int AS sets, count(*)::int AS versions
       FROM eval_set_versions v JOIN eval_sets s ON s.id = v.eval_set_id
      WHERE s.project_id = $1 AND v.sealed_at IS NOT NULL
        AND v.manifest->'definitions' @> jsonb_build_array(jsonb_build_object('key', $2::text, 'currentVersion', $3::int))`,
    [projectId, key, counts.currentVersion],
  );
  return {
    currentVersion: counts.currentVersion,
    labels: counts.total.labels,
    items: counts.total.items,
    versions: counts.versions,
    evalSets: evalSets.rows[0].sets,
    evalSetVersions: evalSets.rows[0].versions,
  };
}
