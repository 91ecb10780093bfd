import "server-only";
import type { TWebhookEvent } from "@/lib/webhooks/event-types";
import { execInTx, type TTx } from "@/lib/server/db/tx-query";

/**
 * Announces an event to the project's hooks that subscribe to it: outbox rows in the event's own
 * transaction, so a rolled-back change is never announced and a committed one always is. The
 * delivery workers send them later; nothing here waits on a receiver.
 */
export async function enqueueWebhookEvent(
  tx: TTx,
  projectId: string,
  type: TWebhookEvent,
  data: Record<string, unknown>,
): Promise<void> {
  await execInTx(tx, "SELECT concord_enqueue_webhook($1::uuid, $2, $3::jsonb)", [
    projectId,
    type,
    JSON.stringify(data),
  ]);
}
