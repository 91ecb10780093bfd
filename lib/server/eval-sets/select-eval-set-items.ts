import "server-only";
import { compareItemIds } from "@/lib/export/export-row";
import { sampleItems, type TSampleCandidate } from "@/lib/eval-sets/sampling";
import { valueKey } from "@/lib/final-labels/value-key";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { scanFinalLabels, type TScannedItem } from "@/lib/server/final-labels/scan-final-labels";
import type { TPreparedFilter } from "./prepare-filter";

export type TSelection = {
  /** Pages of the items the set takes, ascending by item id. */
  pages: AsyncGenerator<TScannedItem[]>;
  /** Items matching the filter before sampling: known once `pages` is consumed. */
  counts: { candidates: number };
};

const PAGE_SIZE = 2000;
// The candidate pass keeps no data or snapshot: bigger pages, fewer round trips.
const CANDIDATE_PAGE_SIZE = 10_000;

/**
 * The items an eval set takes now. Without a sample: one pass over the project, filtering. With a
 * sample: a first pass collects the matching item ids (and strata), without the annotations'
 * snapshot; the sample is drawn from them, and a second pass reads only the sampled items, in id
 * order. Inside one REPEATABLE READ transaction (the freeze) both passes see the same data; outside
 * (the preview), the second pass checks the filter again, as the item may have changed meanwhile.
 */
export async function selectEvalSetItems(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  options: { withData?: boolean; withAnnotations?: boolean } = {},
): Promise<TSelection> {
  const { filter, definitions, matches, stratifyBy } = prepared;
  const counts = { candidates: 0 };
  const scan = (itemIds?: readonly string[]) =>
    scanFinalLabels(q, projectId, definitions, {
      batches: filter.batches,
      withData: options.withData,
      withAnnotations: options.withAnnotations,
      withFlags: filter.flagged !== undefined,
      itemIds,
      // A chunk of ids fits one page: no second query to find out that nothing follows.
      pageSize: itemIds ? itemIds.length + 1 : PAGE_SIZE,
    });
  let picked: Set<string> | null = null;
  if (filter.sample) {
    const candidates: TSampleCandidate[] = [];
    const candidatePages = scanFinalLabels(q, projectId, definitions, {
      batches: filter.batches,
      withAnnotations: false,
      withFlags: filter.flagged !== undefined,
      pageSize: CANDIDATE_PAGE_SIZE,
    });
    for await (const page of candidatePages) {
      for (const item of page) {
        if (!matches(item)) continue;
        const stratum = stratifyBy ? valueKey(stratifyBy.spec, item.labels[stratifyBy.key].value) : undefined;
        candidates.push({ itemId: item.itemId, stratum });
      }
    }
    counts.candidates = candidates.length;
    picked = new Set(
      sampleItems(candidates, {
        size: filter.sample.size,
        seed: filter.sample.seed,
        isStratified: stratifyBy !== null,
      }),
    );
  }
  async function* pages(): AsyncGenerator<TScannedItem[]> {
    if (picked === null) {
      for await (const page of scan()) {
        const kept = page.filter(matches);
        counts.candidates += kept.length;
        if (kept.length > 0) yield kept;
      }
      return;
    }
    const ids = [...picked].sort(compareItemIds);
    for (let start = 0; start < ids.length; start += PAGE_SIZE) {
      for await (const page of scan(ids.slice(start, start + PAGE_SIZE))) {
        const kept = page.filter(matches);
        if (kept.length > 0) yield kept;
      }
    }
  }
  return { pages: pages(), counts };
}
