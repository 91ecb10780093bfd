import "server-only";
import { getPool } from "@/lib/db";
import type { TItemFlag } from "@/lib/schemas/item-flags";
import {
  ITEM_FLAG_COLUMNS,
  ITEM_FLAG_FROM,
  serializeItemFlag,
  type TItemFlagRow,
} from "./serialize-item-flag";

/**
 * Flags of a project, oldest open first (a lead's to-do list), or of one item (its history), or
 * one annotator's own (their answers), newest first. At most 500.
 */
export async function listItemFlags(
  projectId: string,
  options: { state?: "open" | "answered" | "all"; itemId?: string; userId?: string },
): Promise<TItemFlag[]> {
  const state = options.state ?? "all";
  const { rows } = await getPool().query<TItemFlagRow>(
    `SELECT ${ITEM_FLAG_COLUMNS} FROM ${ITEM_FLAG_FROM}
      WHERE f.project_id = $1
        AND ($2 = 'all' OR ($2 = 'open') = (f.answered_at IS NULL))
        AND ($3::bigint IS NULL OR f.item_id = $3)
        AND ($4::uuid IS NULL OR f.user_id = $4)
      ORDER BY CASE WHEN $2 = 'open' THEN f.id END, f.id DESC
      LIMIT 500`,
    [projectId, state, options.itemId ?? null, options.userId ?? null],
  );
  return rows.map(serializeItemFlag);
}
