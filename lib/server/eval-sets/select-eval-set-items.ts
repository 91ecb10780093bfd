import "server-only";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { scanItemsById, type TScannedItem } from "@/lib/server/final-labels/scan-final-labels";
import type { TPreparedFilter } from "./prepare-filter";
import { storedCandidates, takenIds } from "./stored-candidates";

export type TSelection = {
  /** Pages of the items the set takes, ascending by item id. */
  pages: AsyncGenerator<TScannedItem[]>;
  /** Items matching the filter before sampling. */
  counts: { candidates: number };
};

/**
 * The items an eval set takes now. The candidates (the items the filter matches) come from the
 * final labels stored in review states (storedCandidates, docs/decisions/036-stored-final-labels.md);
 * the sample, if any, is drawn from them; then a pass reads the taken items, 2,000 ids a query, in id
 * order, labeling them with the rule's code. Inside one REPEATABLE READ transaction (the freeze) both
 * steps see the same data; outside, the second checks the filter again, as an item may have changed
 * meanwhile.
 */
export async function selectEvalSetItems(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  options: { withData?: boolean; withAnnotations?: boolean } = {},
): Promise<TSelection> {
  const { filter, definitions, matches } = prepared;
  const { candidates } = await storedCandidates(q, projectId, prepared);
  const counts = { candidates: candidates.length };
  const ids = takenIds(prepared, candidates);
  async function* pages(): AsyncGenerator<TScannedItem[]> {
    const scan = scanItemsById(q, projectId, definitions, ids, {
      batches: filter.batches,
      withData: options.withData,
      withAnnotations: options.withAnnotations,
      withFlags: filter.flagged !== undefined,
    });
    for await (const page of scan) {
      const kept = page.filter(matches);
      if (kept.length > 0) yield kept;
    }
  }
  return { pages: pages(), counts };
}
