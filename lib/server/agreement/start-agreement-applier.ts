import "server-only";
import { getPool } from "@/lib/db";
import { runEvery } from "@/lib/server/background/run-every";
import { numberSetting } from "@/lib/settings/number-settings";
import { applyQueuedRefreshes } from "./apply-queued-refreshes";
import { foldGrownPairLogs } from "./compact-pattern-deltas";

/**
 * Every app process refreshes the agreement rollups of queued labels a few times a second, so that a
 * reader's own flush (load-stamped-inputs.ts) finds little to do. Several processes are safe: a
 * project is flushed by one at a time (an advisory lock in concord_agreement_flush). It runs on the
 * reads' pool, never the queue's lane (lib/db.ts). One pass at a time: a slow pass skips ticks.
 *
 * Once a second it also folds the pair logs that have grown past a few thousand rows (ADR 038), so a
 * drill-down after a long gap reads no more than one after a short one.
 */
export function startAgreementApplier(): void {
  runEvery("agreement refresh", numberSetting("CONCORD_AGREEMENT_APPLY_MS"), () =>
    applyQueuedRefreshes(getPool()),
  );
  runEvery("pair log fold", 1000, () => foldGrownPairLogs());
}
