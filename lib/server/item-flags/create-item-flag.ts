import "server-only";
import type { TItemFlag } from "@/lib/schemas/item-flags";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";
import {
  ITEM_FLAG_COLUMNS,
  ITEM_FLAG_FROM,
  serializeItemFlag,
  type TItemFlagRow,
} from "./serialize-item-flag";

/**
 * An annotator's flag on an item they were served ("unclear", "broken", "guideline question", with a
 * note); a lead may flag any item of the project. Anyone else's item is a 404: annotators learn
 * nothing about items they were not served. The flag, its audit row and its event commit together.
 */
export async function createItemFlag(
  caller: { id: string; role: string },
  projectId: string,
  itemId: string,
  input: { kind: TItemFlag["kind"]; note: string },
): Promise<TItemFlag> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<TItemFlagRow>(
      `WITH inserted AS (
         INSERT INTO item_flags (project_id, item_id, user_id, kind, note)
         SELECT $1, i.id, $3, $4, $5 FROM items i
          WHERE i.id = $2 AND i.project_id = $1
            AND ($6 OR EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = $3))
         RETURNING *)
       SELECT ${ITEM_FLAG_COLUMNS} FROM ${ITEM_FLAG_FROM.replace("item_flags f", "inserted f")}`,
      [
        projectId,
        itemId,
        caller.id,
        input.kind,
        input.note,
        caller.role === "lead" || caller.role === "admin",
      ],
    );
    if (!rows[0]) throw notFound("Item");
    const flag = serializeItemFlag(rows[0]);
    await recordAuditEvent(client, {
      projectId,
      actor: flag.flaggedBy,
      action: "item_flag.raised",
      target: { type: "item_flag", id: flag.id },
      details: { itemId: flag.itemId, externalId: flag.externalId, kind: flag.kind },
    });
    await enqueueWebhookEvent(client, projectId, "item_flag.raised", {
      flagId: flag.id,
      itemId: flag.itemId,
      externalId: flag.externalId,
      kind: flag.kind,
      note: flag.note,
      flaggedBy: flag.flaggedBy,
    });
    return flag;
  });
}
