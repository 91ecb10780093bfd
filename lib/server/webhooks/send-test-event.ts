import "server-only";
import { getPool } from "@/lib/db";
import { TEST_EVENT } from "@/lib/webhooks/event-types";
import { notFound } from "@/lib/server/errors";

/** Queues a webhook.test message to one hook; the workers send it like any other. */
export async function sendTestEvent(
  projectId: string,
  hookId: string,
  caller: { id: string; name: string },
): Promise<{ deliveryId: string; messageId: string }> {
  const { rows } = await getPool().query<{ id: string; event_id: string }>(
    `INSERT INTO webhook_outbox (webhook_id, event_type, payload)
     SELECT w.id, $3, jsonb_build_object(
              'type', $3::text,
              'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'data', jsonb_build_object('projectId', w.project_id, 'webhookId', w.id, 'sentBy', $4::text))
       FROM webhooks w WHERE w.id = $1 AND w.project_id = $2
     RETURNING id::text, event_id`,
    [hookId, projectId, TEST_EVENT, caller.name],
  );
  if (!rows[0]) throw notFound("Webhook");
  return { deliveryId: rows[0].id, messageId: rows[0].event_id };
}
