import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";

/** A new definition version, in its transaction: an audit row and the definition.version_created event. */
export async function announceVersion(
  tx: Prisma.TransactionClient,
  v: { projectId: string; key: string; version: number; specHash: string; userId: string },
): Promise<void> {
  await recordAuditEvent(tx, {
    projectId: v.projectId,
    actor: { id: v.userId },
    action: v.version === 1 ? "definition.created" : "definition.version_created",
    target: { type: "label_definition", id: v.key },
    details: { version: v.version, specHash: v.specHash },
  });
  await enqueueWebhookEvent(tx, v.projectId, "definition.version_created", {
    definition: v.key,
    version: v.version,
    specHash: v.specHash,
  });
}
