import "server-only";
import { getPool } from "@/lib/db";
import { numberSetting } from "@/lib/settings/number-settings";
import { applyQueuedRefreshes } from "./apply-queued-refreshes";

/**
 * Every app process refreshes the agreement rollups of queued labels a few times a second, so that a
 * reader's own flush (load-stamped-inputs.ts) finds little to do. Several processes are safe: a
 * project is flushed by one at a time (an advisory lock in concord_agreement_flush). It runs on the
 * reads' pool, never the queue's lane (lib/db.ts). One pass at a time: a slow pass skips ticks.
 */
export function startAgreementApplier(): void {
  const globalFlag = globalThis as unknown as { concordAgreementApplier?: NodeJS.Timeout };
  if (globalFlag.concordAgreementApplier || !process.env.DATABASE_URL) return;
  let running = false;
  globalFlag.concordAgreementApplier = setInterval(() => {
    if (running) return;
    running = true;
    applyQueuedRefreshes(getPool())
      .catch((error: unknown) => {
        console.error("agreement refresh failed:", error instanceof Error ? error.message : error);
      })
      .finally(() => {
        running = false;
      });
  }, numberSetting("CONCORD_AGREEMENT_APPLY_MS"));
  globalFlag.concordAgreementApplier.unref();
}
