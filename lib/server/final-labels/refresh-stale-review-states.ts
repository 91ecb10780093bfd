import "server-only";
import type { TDb, TDefinitionContext } from "./load-label-context";
import { refreshReviewStates, type TStaleRow } from "./refresh-review-states";

const PAGE = 2000;

/**
 * Recomputes and stores every stale review state of a project (with its final labels), a page at a
 * time by keyset, so a row left stale (changed meanwhile, or locked by a writer) is not read twice.
 * Returns how many rows were stale. Readers that need every item's labels (the eval-set preview and
 * freeze) call it first, so what they read afterwards is mostly stored.
 */
export async function refreshStaleReviewStates(
  q: TDb,
  projectId: string,
  all: readonly TDefinitionContext[],
): Promise<number> {
  let after = "0";
  let stale = 0;
  for (;;) {
    // The predicate implies the partial index's (is_stale OR needs_review), which serves it.
    const { rows } = await q.query<TStaleRow>(
      `SELECT item_id, change_seq FROM review_states
        WHERE project_id = $1 AND is_stale AND item_id > $2 ORDER BY item_id LIMIT $3`,
      [projectId, after, PAGE],
    );
    if (rows.length > 0) await refreshReviewStates(q, projectId, all, rows);
    stale += rows.length;
    if (rows.length < PAGE) return stale;
    after = rows[rows.length - 1].item_id;
  }
}
