import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";

/** Deletes a hook of the project; its undelivered messages go with it. */
export async function deleteWebhook(projectId: string, hookId: string, actor: { id: string; name: string }) {
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ url: string; events: string[] }>(
      "DELETE FROM webhooks WHERE id = $1 AND project_id = $2 RETURNING url, events",
      [hookId, projectId],
    );
    if (!rows[0]) throw notFound("Webhook");
    await recordAuditEvent(client, {
      projectId,
      actor,
      action: "webhook.deleted",
      target: { type: "webhook", id: hookId },
      details: { url: rows[0].url, events: rows[0].events },
    });
  });
}
