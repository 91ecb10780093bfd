import "server-only";
import { getPool } from "@/lib/db";
import { numberSetting } from "@/lib/settings/number-settings";
import { reclaimExpiredLeases } from "./reclaim-expired-leases";

/**
 * The periodic half of lease expiry (the claim reclaims in its own project too): every process
 * sweeps all projects now and then, so an item stranded by a closed laptop frees up even in a
 * project nobody is claiming from. Several processes sweeping at once is safe (SKIP LOCKED).
 */
export function startLeaseSweeper(): void {
  const globalFlag = globalThis as unknown as { concordSweeper?: NodeJS.Timeout };
  if (globalFlag.concordSweeper || !process.env.DATABASE_URL) return;
  globalFlag.concordSweeper = setInterval(
    () => {
      void (async () => {
        try {
          while ((await reclaimExpiredLeases(getPool(), null, 500)) > 0) {
            // more than one page expired: keep going
          }
        } catch (error) {
          console.error("lease sweep failed:", error instanceof Error ? error.message : error);
        }
      })();
    },
    numberSetting("CONCORD_SWEEP_SECONDS") * 1000,
  );
  globalFlag.concordSweeper.unref();
}
