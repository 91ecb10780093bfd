import "server-only";
import type { TDb, TDefinitionContext } from "./load-label-context";
import { freshStateOf, storeReviewStates, type TFreshState } from "./refresh-review-states";
import { scanFinalLabels, type TScannedItem } from "./scan-final-labels";

type TRow = { item_id: string; is_stale: boolean; change_seq: string };

/**
 * The review queue's candidates (listReviewCandidates' rows: every definition, no filter by one)
 * with their final labels and data, a batch at a time. Each candidate's labels are computed once:
 * the stale ones' fresh review states come from the same scan that the page shows, where
 * listReviewCandidates computes them, stores them, and the caller computes them again; on a
 * busy server each of those round trips waits its turn. The definitions load beside the first
 * batch's review states.
 */
export async function* scanReviewCandidates(
  q: TDb,
  projectId: string,
  definitions: Promise<readonly TDefinitionContext[]>,
  options: { after?: string; includeIncomplete: boolean; batchSize: number },
): AsyncGenerator<TScannedItem[]> {
  const flag = options.includeIncomplete ? "is_unresolved" : "needs_review";
  let after = options.after ?? "0";
  for (;;) {
    const [{ rows }, all] = await Promise.all([
      q.query<TRow>(
        // The predicate as the partial index has it (list-review-candidates.ts).
        `SELECT item_id, is_stale, change_seq FROM review_states
          WHERE project_id = $1 AND item_id > $2 AND (is_stale OR ${flag})
          ORDER BY item_id LIMIT $3`,
        [projectId, after, options.batchSize],
      ),
      definitions,
    ]);
    if (rows.length === 0) return;
    const itemIds = rows.map((r) => r.item_id);
    const scanned: TScannedItem[] = [];
    for await (const page of scanFinalLabels(q, projectId, all, {
      itemIds,
      pageSize: itemIds.length + 1,
      withData: true,
    }))
      scanned.push(...page);
    const stale = rows.filter((r) => r.is_stale);
    const states = new Map<string, TFreshState>();
    const staleIds = new Set(stale.map((r) => r.item_id));
    for (const item of scanned)
      if (staleIds.has(item.itemId)) states.set(item.itemId, freshStateOf(all, item));
    if (stale.length > 0) await storeReviewStates(q, stale, states);
    // Stale rows that left the queue are dropped, as listReviewCandidates drops them.
    const kept = scanned.filter((item) => {
      if (!staleIds.has(item.itemId)) return true;
      const state = states.get(item.itemId);
      return state !== undefined && (options.includeIncomplete ? state.isUnresolved : state.needsReview);
    });
    if (kept.length > 0) yield kept;
    if (rows.length < options.batchSize) return;
    after = rows[rows.length - 1].item_id;
  }
}
