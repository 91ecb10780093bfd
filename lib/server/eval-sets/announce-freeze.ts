import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";

/** A sealed version, in the freezing transaction: its audit row and the eval_set.frozen event. */
export async function announceFreeze(
  client: PoolClient,
  v: {
    projectId: string;
    evalSetId: string;
    name: string;
    version: number;
    versionId: string;
    sha256: string;
    items: number;
    freezer: { id: string; name: string };
  },
): Promise<void> {
  const facts = { evalSetId: v.evalSetId, name: v.name, version: v.version, versionId: v.versionId };
  await recordAuditEvent(client, {
    projectId: v.projectId,
    actor: v.freezer,
    action: "eval_set.frozen",
    target: { type: "eval_set", id: v.evalSetId },
    details: { version: v.version, versionId: v.versionId, items: v.items, sha256: v.sha256 },
  });
  await enqueueWebhookEvent(client, v.projectId, "eval_set.frozen", {
    ...facts,
    items: v.items,
    sha256: v.sha256,
  });
}
