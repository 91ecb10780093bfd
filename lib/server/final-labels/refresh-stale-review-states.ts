import "server-only";
import { loadLabelContext, type TDb, type TDefinitionContext } from "./load-label-context";
import { refreshReviewStates, type TStaleRow } from "./refresh-review-states";

const PAGE = 2000;
/**
 * How many stale rows a reader (the eval-set preview or freeze) stores before it reads: what
 * labeling leaves between the background refresher's passes, a second or two of work. Beyond it (after
 * an import or a rule change) the reader labels the rest in its snapshot without storing them, as
 * before 036, and the refresher stores them over its next passes.
 */
export const READER_REFRESH_LIMIT = 10_000;

/**
 * Recomputes and stores a project's stale review states (with their final labels), at most `limit`
 * of them, a page at a time by keyset, so a row left stale (changed meanwhile, or locked by a writer)
 * is not read twice. Returns how many rows it took. The background refresher keeps every project's
 * states fresh this way (refreshStaleProjects); readers that need every item's labels (the eval-set
 * preview and freeze) take what is left, up to a bound, and label the rest in their own snapshot.
 */
export async function refreshStaleReviewStates(
  q: TDb,
  projectId: string,
  all: readonly TDefinitionContext[],
  limit = Infinity,
): Promise<number> {
  let after = "0";
  let taken = 0;
  while (taken < limit) {
    const pageSize = Math.min(PAGE, limit - taken);
    // The stale rows' partial index (review_states_stale_idx) serves this.
    const { rows } = await q.query<TStaleRow>(
      `SELECT item_id, change_seq FROM review_states
        WHERE project_id = $1 AND is_stale AND item_id > $2 ORDER BY item_id LIMIT $3`,
      [projectId, after, pageSize],
    );
    if (rows.length > 0) await refreshReviewStates(q, projectId, all, rows);
    taken += rows.length;
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].item_id;
  }
  return taken;
}

/**
 * One pass of the background refresher (start-review-state-refresher.ts): each project with stale
 * review states gets up to `perProject` of them recomputed and stored. After an import of a million
 * labeled items this spreads the first computation over passes, instead of leaving it to the first
 * reader's request. Returns how many rows it took.
 */
export async function refreshStaleProjects(
  q: TDb,
  perProject: number,
  /** Only these projects (tests, which share a database with other tests' projects). */
  only: readonly string[] | null = null,
): Promise<number> {
  const { rows: projects } = await q.query<{ id: string }>(
    `SELECT p.id FROM projects p
      WHERE ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[]))
        AND EXISTS (SELECT 1 FROM review_states s WHERE s.project_id = p.id AND s.is_stale)`,
    [only],
  );
  let taken = 0;
  for (const { id } of projects) {
    taken += await refreshStaleReviewStates(q, id, await loadLabelContext(q, id), perProject);
  }
  return taken;
}
