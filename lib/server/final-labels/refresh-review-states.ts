import "server-only";
import { reviewStateOf, type TReviewState } from "@/lib/final-labels/review-state";
import type { TDb, TDefinitionContext } from "./load-label-context";
import { scanItemsById, type TScannedItem } from "./scan-final-labels";
import { storedLabelsOf, type TStoredLabels } from "./stored-labels";

export type TStaleRow = { item_id: string; change_seq: string };
/** A review state as stored: the state and the final labels it was computed from. */
export type TFreshState = TReviewState & { labels: TStoredLabels };

/** The state to store for a scanned item (labels computed for every definition of the project). */
export function freshStateOf(all: readonly TDefinitionContext[], item: TScannedItem): TFreshState {
  return { ...reviewStateOf(all, item.labels, item.isComplete), labels: storedLabelsOf(all, item) };
}

/**
 * Recomputes stale review states with the rule's own code (scanFinalLabels) and stores each answer
 * unless a change came in meanwhile (change_seq moved: the row stays stale for the next reader).
 * SKIP LOCKED: a row locked by a writer is being changed anyway, and two readers refreshing the
 * same rows never wait on (or deadlock with) each other. Returns the fresh states by item id.
 */
export async function refreshReviewStates(
  q: TDb,
  projectId: string,
  all: readonly TDefinitionContext[],
  rows: readonly TStaleRow[],
): Promise<Map<string, TReviewState>> {
  const states = new Map<string, TFreshState>();
  const itemIds = rows.map((r) => r.item_id);
  const scan = scanItemsById(q, projectId, all, itemIds, { withAnnotations: false });
  for await (const page of scan) for (const item of page) states.set(item.itemId, freshStateOf(all, item));
  await storeReviewStates(q, rows, states);
  return states;
}

/** Stores each fresh state unless a change came in since its row was read (see refreshReviewStates). */
export async function storeReviewStates(
  q: TDb,
  rows: readonly TStaleRow[],
  states: ReadonlyMap<string, TFreshState>,
): Promise<void> {
  const fresh = rows.flatMap((r) => {
    const state = states.get(r.item_id);
    return state
      ? [
          {
            item_id: r.item_id,
            change_seq: r.change_seq,
            is_unresolved: state.isUnresolved,
            needs_review: state.needsReview,
            unresolved_ids: state.unresolvedIds,
            labels: state.labels,
          },
        ]
      : [];
  });
  if (fresh.length > 0) {
    await q.query(
      `WITH u AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS u(item_id bigint, change_seq bigint, is_unresolved boolean, needs_review boolean, unresolved_ids uuid[],
                labels jsonb)),
       locked AS (
         SELECT s.item_id FROM review_states s JOIN u ON u.item_id = s.item_id AND u.change_seq = s.change_seq
          ORDER BY s.item_id FOR UPDATE OF s SKIP LOCKED)
       UPDATE review_states s
          SET is_stale = false, is_unresolved = u.is_unresolved, needs_review = u.needs_review,
              unresolved_ids = u.unresolved_ids, labels = u.labels
         FROM u JOIN locked l ON l.item_id = u.item_id
        WHERE s.item_id = u.item_id AND s.change_seq = u.change_seq`,
      [JSON.stringify(fresh)],
    );
  }
}
