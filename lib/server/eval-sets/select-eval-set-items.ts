import "server-only";
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

/**
 * The items an eval set takes now. Without a sample: one pass over the project, filtering. With a
 * sample: a first pass collects the matching item ids (and strata), the sample is drawn from them,
 * and a second pass yields the sampled items. Inside one REPEATABLE READ transaction (the freeze)
 * both passes see the same data.
 */
export async function selectEvalSetItems(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  options: { withData?: boolean } = {},
): Promise<TSelection> {
  const { filter, definitions, matches, stratifyBy } = prepared;
  const counts = { candidates: 0 };
  const scan = (withData = options.withData) =>
    scanFinalLabels(q, projectId, definitions, {
      batches: filter.batches,
      withData,
      withFlags: filter.flagged !== undefined,
    });
  let picked: Set<string> | null = null;
  if (filter.sample) {
    const candidates: TSampleCandidate[] = [];
    for await (const page of scan(false)) {
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
    for await (const page of scan()) {
      const kept = page.filter((item) => matches(item) && (picked === null || picked.has(item.itemId)));
      if (picked === null) counts.candidates += kept.length;
      if (kept.length > 0) yield kept;
    }
  }
  return { pages: pages(), counts };
}
