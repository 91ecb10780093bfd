import "server-only";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { SetStatistics } from "@/lib/eval-sets/set-statistics";
import type { TEvalSetPreview } from "@/lib/schemas/eval-sets";
import { prepareFilter } from "./prepare-filter";
import { selectEvalSetItems } from "./select-eval-set-items";

const EXAMPLES = 10;

/** What freezing with this filter would take now: counts, label distribution, agreement, a few items. */
export async function previewEvalSet(projectId: string, filter: TEvalSetFilter): Promise<TEvalSetPreview> {
  const pool = getPool();
  const prepared = await prepareFilter(pool, projectId, filter);
  const stats = new SetStatistics(prepared.definitions);
  // Every matching item's labels feed the statistics; only the examples' data is read.
  const selection = await selectEvalSetItems(pool, projectId, prepared, {
    withData: false,
    withAnnotations: false,
  });
  const picked: { itemId: string; externalId: string | null; labels: Record<string, unknown> }[] = [];
  for await (const page of selection.pages) {
    for (const item of page) {
      stats.add(item.labels, item.annotationCount);
      if (picked.length < EXAMPLES) {
        picked.push({
          itemId: item.itemId,
          externalId: item.externalId,
          labels: Object.fromEntries(prepared.definitions.map((d) => [d.key, item.labels[d.key].value])),
        });
      }
    }
  }
  const data = await pool.query<{ id: string; data: Record<string, unknown> }>(
    "SELECT id::text AS id, data FROM items WHERE project_id = $1 AND id = ANY($2::bigint[])",
    [projectId, picked.map((p) => p.itemId)],
  );
  const dataOf = new Map(data.rows.map((r) => [r.id, r.data]));
  const examples: TEvalSetPreview["examples"] = picked.map((p) => ({
    itemId: p.itemId,
    externalId: p.externalId,
    preview: itemPreview(dataOf.get(p.itemId) ?? {}),
    labels: p.labels as TEvalSetPreview["examples"][number]["labels"],
  }));
  const result = stats.result();
  return {
    candidates: selection.counts.candidates,
    items: result.items,
    annotations: result.annotations,
    labelDistribution: result.labelDistribution,
    agreement: result.agreement,
    sources: result.sources,
    examples,
  };
}
