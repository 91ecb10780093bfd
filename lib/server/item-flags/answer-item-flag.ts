import "server-only";
import { getPool } from "@/lib/db";
import type { TItemFlag } from "@/lib/schemas/item-flags";
import { conflict, notFound } from "@/lib/server/errors";
import {
  ITEM_FLAG_COLUMNS,
  ITEM_FLAG_FROM,
  serializeItemFlag,
  type TItemFlagRow,
} from "./serialize-item-flag";

/** A lead's answer to a flag; the annotator sees it in their workspace. A flag is answered once (409 after). */
export async function answerItemFlag(
  projectId: string,
  flagId: string,
  answer: string,
  userId: string,
): Promise<TItemFlag> {
  const pool = getPool();
  const { rows } = await pool.query<TItemFlagRow>(
    `WITH answered AS (
       UPDATE item_flags SET answer = $3, answered_by_id = $4, answered_at = now()
        WHERE id = $2 AND project_id = $1 AND answered_at IS NULL
       RETURNING *)
     SELECT ${ITEM_FLAG_COLUMNS} FROM ${ITEM_FLAG_FROM.replace("item_flags f", "answered f")}`,
    [projectId, flagId, answer, userId],
  );
  if (rows[0]) return serializeItemFlag(rows[0]);
  const exists = await pool.query("SELECT 1 FROM item_flags WHERE id = $1 AND project_id = $2", [
    flagId,
    projectId,
  ]);
  if (exists.rowCount) throw conflict("This flag was answered already.");
  throw notFound("Flag");
}
