import "server-only";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import { getPool } from "@/lib/db";
import type { TVersionLineage } from "@/lib/schemas/eval-sets";
import { notFound } from "@/lib/server/errors";
import { loadLabelContext } from "@/lib/server/final-labels/load-label-context";
import { scanFinalLabels } from "@/lib/server/final-labels/scan-final-labels";

type TManifestDefinition = { key: string; currentVersion: number };

/**
 * Whether a frozen version still says what the project says today: a definition it carries has a
 * newer version, or the final labels of its items changed since the freeze (relabel campaigns,
 * adjudications, late annotations), and by how much: the items whose final label would differ if
 * the set were frozen now, compared value by value in canonical JSON.
 */
export async function getVersionLineage(evalSetId: string, version: number): Promise<TVersionLineage> {
  const pool = getPool();
  const found = await pool.query<{
    id: string;
    project_id: string;
    manifest: { definitions?: TManifestDefinition[] } | null;
    sealed_at: Date;
  }>(
    `SELECT v.id, s.project_id, v.manifest, v.sealed_at FROM eval_set_versions v JOIN eval_sets s ON s.id = v.eval_set_id
      WHERE v.eval_set_id = $1 AND v.version = $2 AND v.sealed_at IS NOT NULL`,
    [evalSetId, version],
  );
  const frozen = found.rows[0];
  if (!frozen) throw notFound("Eval set version");
  const today = await loadLabelContext(pool, frozen.project_id);
  const carried = frozen.manifest?.definitions ?? [];
  const definitions = today.filter((d) => carried.some((c) => c.key === d.key));
  const rows = await pool.query<{ item_id: string; labels_json: string }>(
    "SELECT item_id, labels_json FROM eval_set_items WHERE version_id = $1 ORDER BY item_id",
    [frozen.id],
  );
  const frozenLabels = new Map(
    rows.rows.map((r) => [r.item_id, JSON.parse(r.labels_json) as Record<string, unknown>]),
  );
  const changedBy = new Map(definitions.map((d) => [d.key, 0]));
  let changed = 0;
  let present = 0;
  for await (const page of scanFinalLabels(pool, frozen.project_id, definitions, {
    itemIds: [...frozenLabels.keys()],
  })) {
    for (const item of page) {
      present += 1;
      const before = frozenLabels.get(item.itemId)!;
      let isChanged = false;
      for (const d of definitions) {
        const label = item.labels[d.key];
        const now = canonicalJson(label.isResolved ? label.value : null);
        if (now !== canonicalJson(before[d.key] ?? null)) {
          changedBy.set(d.key, changedBy.get(d.key)! + 1);
          isChanged = true;
        }
      }
      if (isChanged) changed += 1;
    }
  }
  const campaigns = await pool.query<{ id: string; name: string }>(
    `SELECT c.id, c.name FROM campaigns c
      WHERE c.project_id = $1 AND c.completed_at > $2
        AND EXISTS (SELECT 1 FROM campaign_items ci JOIN eval_set_items e ON e.item_id = ci.item_id
                     WHERE ci.campaign_id = c.id AND e.version_id = $3)
      ORDER BY c.completed_at`,
    [frozen.project_id, frozen.sealed_at, frozen.id],
  );
  const newer = carried.flatMap((c) => {
    const d = today.find((t) => t.key === c.key);
    return d && d.currentVersion > c.currentVersion
      ? [{ key: c.key, frozenVersion: c.currentVersion, currentVersion: d.currentVersion }]
      : [];
  });
  const removed = frozenLabels.size - present;
  return {
    isStale: newer.length > 0 || changed > 0 || removed > 0,
    newerDefinitions: newer,
    items: frozenLabels.size,
    changedItems: changed,
    removedItems: removed,
    changedByDefinition: [...changedBy].map(([key, items]) => ({ key, items })),
    campaigns: campaigns.rows,
  };
}
