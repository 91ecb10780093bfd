import "server-only";
import { getPool } from "@/lib/db";
import type { TItemFlag } from "@/lib/schemas/item-flags";
import { notFound } from "@/lib/server/errors";
import {
  ITEM_FLAG_COLUMNS,
  ITEM_FLAG_FROM,
  serializeItemFlag,
  type TItemFlagRow,
} from "./serialize-item-flag";

/**
 * An annotator's flag on an item they were served ("unclear", "broken", "guideline question", with a
 * note); a lead may flag any item of the project. Anyone else's item is a 404: annotators learn
 * nothing about items they were not served.
 */
export async function createItemFlag(
  caller: { id: string; role: string },
  projectId: string,
  itemId: string,
  input: { kind: TItemFlag["kind"]; note: string },
): Promise<TItemFlag> {
  const { rows } = await getPool().query<TItemFlagRow>(
    `WITH inserted AS (
       INSERT INTO item_flags (project_id, item_id, user_id, kind, note)
       SELECT $1, i.id, $3, $4, $5 FROM items i
        WHERE i.id = $2 AND i.project_id = $1
          AND ($6 OR EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.user_id = $3))
       RETURNING *)
     SELECT ${ITEM_FLAG_COLUMNS} FROM ${ITEM_FLAG_FROM.replace("item_flags f", "inserted f")}`,
    [projectId, itemId, caller.id, input.kind, input.note, caller.role === "lead" || caller.role === "admin"],
  );
  if (!rows[0]) throw notFound("Item");
  return serializeItemFlag(rows[0]);
}
