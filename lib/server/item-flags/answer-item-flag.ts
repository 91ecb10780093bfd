import "server-only";
import type { TItemFlag } from "@/lib/schemas/item-flags";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict, notFound } from "@/lib/server/errors";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/enqueue-webhook-event";
import {
  ITEM_FLAG_COLUMNS,
  ITEM_FLAG_FROM,
  serializeItemFlag,
  type TItemFlagRow,
} from "./serialize-item-flag";

/**
 * A lead's answer to a flag; the annotator sees it in their workspace. A flag is answered once (409
 * after). The answer, its audit row and its event commit together.
 */
export async function answerItemFlag(
  projectId: string,
  flagId: string,
  answer: string,
  userId: string,
): Promise<TItemFlag> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<TItemFlagRow>(
      `WITH answered AS (
         UPDATE item_flags SET answer = $3, answered_by_id = $4, answered_at = now()
          WHERE id = $2 AND project_id = $1 AND answered_at IS NULL
         RETURNING *)
       SELECT ${ITEM_FLAG_COLUMNS} FROM ${ITEM_FLAG_FROM.replace("item_flags f", "answered f")}`,
      [projectId, flagId, answer, userId],
    );
    if (!rows[0]) {
      const exists = await client.query("SELECT 1 FROM item_flags WHERE id = $1 AND project_id = $2", [
        flagId,
        projectId,
      ]);
      if (exists.rowCount) throw conflict("This flag was answered already.");
      throw notFound("Flag");
    }
    const flag = serializeItemFlag(rows[0]);
    const facts = { itemId: flag.itemId, externalId: flag.externalId, flaggedBy: flag.flaggedBy };
    await recordAuditEvent(client, {
      projectId,
      actor: { id: userId },
      action: "item_flag.answered",
      target: { type: "item_flag", id: flag.id },
      details: facts,
    });
    await enqueueWebhookEvent(client, projectId, "item_flag.answered", {
      flagId: flag.id,
      ...facts,
      kind: flag.kind,
      answer: flag.answer,
      answeredBy: flag.answeredBy,
    });
    return flag;
  });
}
