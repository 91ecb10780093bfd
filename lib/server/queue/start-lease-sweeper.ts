import "server-only";
import { getPool } from "@/lib/db";
import { runEvery } from "@/lib/server/background/run-every";
import { numberSetting } from "@/lib/settings/number-settings";
import { reclaimExpiredLeases } from "./reclaim-expired-leases";

/**
 * The periodic half of lease expiry (the claim reclaims in its own project too): every process
 * sweeps all projects now and then, so an item stranded by a closed laptop frees up even in a
 * project nobody is claiming from. Several processes sweeping at once is safe (SKIP LOCKED); one
 * process sweeps once at a time.
 */
export function startLeaseSweeper(): void {
  runEvery("lease sweep", numberSetting("CONCORD_SWEEP_SECONDS") * 1000, async () => {
    while ((await reclaimExpiredLeases(getPool(), null, 500)) > 0) {
      // more than one page expired: keep going
    }
  });
}
