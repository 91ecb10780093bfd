import "server-only";
import { generateWebhookSecret } from "@/lib/webhooks/sign-webhook";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { unprocessable } from "@/lib/server/errors";
import type { TCreateWebhookInput } from "@/lib/schemas/webhooks";
import { resolveWebhookTarget, type TResolver } from "./resolve-webhook-target";

/**
 * A new hook. Its URL must reach a public address (checked again at every delivery); the secret,
 * given or generated, is returned this once and never again.
 */
export async function createWebhook(
  projectId: string,
  input: TCreateWebhookInput,
  actor: { id: string; name: string },
  resolve?: TResolver,
): Promise<{ id: string; secret: string }> {
  const target = await resolveWebhookTarget(new URL(input.url), resolve);
  if ("refused" in target) {
    throw unprocessable("Webhooks may only reach public addresses.", [
      { path: "url", message: target.refused },
    ]);
  }
  const secret = input.secret ?? generateWebhookSecret();
  const id = await withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO webhooks (project_id, url, events, secret, created_by_id) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`,
      [projectId, input.url, JSON.stringify(input.events), secret, actor.id],
    );
    await recordAuditEvent(client, {
      projectId,
      actor,
      action: "webhook.created",
      target: { type: "webhook", id: rows[0].id },
      details: { url: input.url, events: input.events, secretGiven: input.secret !== undefined },
    });
    return rows[0].id;
  });
  return { id, secret };
}
