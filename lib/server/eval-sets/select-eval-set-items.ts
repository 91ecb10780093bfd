import "server-only";
import type { PoolClient } from "pg";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { scanItemsById, type TScannedItem } from "@/lib/server/final-labels/scan-final-labels";
import type { TPreparedFilter } from "./prepare-filter";
import { takeCandidates } from "./candidate-cache";
import { storedCandidates, takenIds } from "./stored-candidates";

export type TSelection = {
  /** Pages of the items the set takes, ascending by item id. */
  pages: AsyncGenerator<TScannedItem[]>;
  /** Items matching the filter before sampling. */
  counts: { candidates: number };
};

/**
 * The items an eval set takes now. The candidates (the items the filter matches) come from the
 * final labels stored in review states (storedCandidates, docs/decisions/036-stored-final-labels.md),
 * within a REPEATABLE READ transaction through the process's cache of them (takeCandidates, 037);
 * the sample, if any, is drawn from them; then a pass reads the taken items, 2,000 ids a query, in id
 * order, labeling them with the rule's code. Inside one REPEATABLE READ transaction (the freeze) both
 * steps see the same data; outside, the second checks the filter again, as an item may have changed
 * meanwhile.
 */
export async function selectEvalSetItems(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  options: {
    withData?: boolean;
    withAnnotations?: boolean;
    /** `q` itself, when it is a client inside a REPEATABLE READ transaction (the freeze). */
    snapshot?: PoolClient;
  } = {},
): Promise<TSelection> {
  const { filter, definitions, matches } = prepared;
  let counts: { candidates: number };
  let ids: string[];
  if (!options.snapshot) {
    const { candidates } = await storedCandidates(q, projectId, prepared);
    counts = { candidates: candidates.length };
    ids = takenIds(prepared, candidates);
  } else {
    // In the freeze's snapshot: the process's cached candidates, brought up to it (candidate-cache.ts).
    const taken = await takeCandidates(options.snapshot, projectId, prepared);
    counts = { candidates: taken.candidates };
    ids = Array.from(taken.taken, String);
  }
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
