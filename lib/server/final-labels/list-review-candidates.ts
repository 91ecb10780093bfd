import "server-only";
import type { TReviewState } from "@/lib/final-labels/review-state";
import type { TDb, TDefinitionContext } from "./load-label-context";
import { refreshReviewStates } from "./refresh-review-states";

export type TReviewCandidatesOptions = {
  /** Start after this item id (keyset). */
  after?: string;
  includeIncomplete: boolean;
  /** Only the queue of this definition. */
  definitionId?: string;
  batchSize: number;
};

type TRow = { item_id: string; is_stale: boolean; change_seq: string };

/**
 * The ids of the items that may be in a review queue, ascending, a batch at a time: read by keyset
 * on a partial index of review_states, so a page costs what the queue holds near it, not what the
 * project holds (docs/decisions/029-review-states.md). A superset: callers still compute each
 * item's labels and keep those awaitsReview accepts. Stale rows on the way are recomputed and
 * stored first; those that left the queue are dropped from the batch.
 */
export async function* listReviewCandidates(
  q: TDb,
  projectId: string,
  all: readonly TDefinitionContext[],
  options: TReviewCandidatesOptions,
): AsyncGenerator<string[]> {
  // Two partial indexes, one per flag: the predicate must be written as the index's is.
  const flag = options.includeIncomplete ? "is_unresolved" : "needs_review";
  let after = options.after ?? "0";
  for (;;) {
    const { rows } = await q.query<TRow>(
      `SELECT item_id, is_stale, change_seq FROM review_states
        WHERE project_id = $1 AND item_id > $2 AND (is_stale OR ${flag})
          AND (is_stale OR $3::uuid IS NULL OR $3::uuid = ANY(unresolved_ids))
        ORDER BY item_id LIMIT $4`,
      [projectId, after, options.definitionId ?? null, options.batchSize],
    );
    if (rows.length === 0) return;
    const stale = rows.filter((r) => r.is_stale);
    const fresh = stale.length > 0 ? await refreshReviewStates(q, projectId, all, stale) : new Map();
    const ids = rows
      .filter((r) => !r.is_stale || isCandidate(fresh.get(r.item_id), options))
      .map((r) => r.item_id);
    if (ids.length > 0) yield ids;
    if (rows.length < options.batchSize) return;
    after = rows[rows.length - 1].item_id;
  }
}

function isCandidate(state: TReviewState | undefined, options: TReviewCandidatesOptions): boolean {
  if (!state) return false;
  if (!(options.includeIncomplete ? state.isUnresolved : state.needsReview)) return false;
  return options.definitionId === undefined || state.unresolvedIds.includes(options.definitionId);
}
