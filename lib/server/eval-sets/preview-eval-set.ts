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
  const selection = await selectEvalSetItems(pool, projectId, prepared, { withData: true });
  const examples: TEvalSetPreview["examples"] = [];
  for await (const page of selection.pages) {
    for (const item of page) {
      stats.add(item.labels, item.annotationCount);
      if (examples.length < EXAMPLES) {
        examples.push({
          itemId: item.itemId,
          externalId: item.externalId,
          preview: itemPreview(item.data ?? {}),
          labels: Object.fromEntries(prepared.definitions.map((d) => [d.key, item.labels[d.key].value])),
        });
      }
    }
  }
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
