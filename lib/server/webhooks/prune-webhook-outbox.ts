import "server-only";
import { getPool } from "@/lib/db";

/**
 * Deletes delivered outbox rows older than the retention period, so the outbox (which is also the
 * delivery log) does not grow with every completed item forever. Messages not yet delivered, and
 * failed ones (a lead looks at those in the log), stay. Deletes in batches so no statement holds
 * many row locks at once; returns how many rows went. `projectIds` limits it to those projects' hooks
 * (a test's worker, see webhook-worker.ts).
 */
export async function pruneWebhookOutbox(
  retentionMs: number,
  options: { batch?: number; projectIds?: string[] | null } = {},
): Promise<number> {
  const batch = options.batch ?? 5000;
  const scope = options.projectIds ?? null;
  let deleted = 0;
  for (;;) {
    // No index on delivered_at: this runs once an hour per process, and a scan of the outbox then
    // costs less than an index kept up on every delivery.
    const { rowCount } = await getPool().query(
      `DELETE FROM webhook_outbox WHERE id IN (
         SELECT id FROM webhook_outbox
          WHERE delivered_at < now() - make_interval(secs => $1)
            AND ($3::uuid[] IS NULL OR webhook_id IN (SELECT id FROM webhooks WHERE project_id = ANY($3::uuid[])))
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [retentionMs / 1000, batch, scope],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return deleted;
  }
}
