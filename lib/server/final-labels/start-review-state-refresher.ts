import "server-only";
import { getPool } from "@/lib/db";
import { runEvery } from "@/lib/server/background/run-every";
import { numberSetting } from "@/lib/settings/number-settings";
import { refreshStaleProjects } from "./refresh-stale-review-states";

/** Rows a pass recomputes per project: about a quarter of a second's work on this project's machines. */
const PER_PROJECT = 2000;

/**
 * Every app process recomputes stale review states (and the final labels they keep) in the
 * background, so the eval-set preview and freeze and the review queue find them fresh
 * (docs/decisions/036-stored-final-labels.md). Several processes are safe: a row is stored only
 * where its change_seq is the one read, under SKIP LOCKED (refresh-review-states.ts).
 */
export function startReviewStateRefresher(): void {
  runEvery("review state refresh", numberSetting("CONCORD_REVIEW_REFRESH_MS"), () =>
    refreshStaleProjects(getPool(), PER_PROJECT),
  );
}
