import "server-only";
import type { TItemFlag } from "@/lib/schemas/item-flags";

/** The columns serializeItemFlag reads; `f` is item_flags, `i` items. */
export const ITEM_FLAG_COLUMNS = `f.id::text, f.item_id::text, i.external_id, f.kind::text, f.note, f.created_at,
       f.answer, f.answered_at, f.user_id, u.name AS user_name, f.answered_by_id, lu.name AS answered_by_name`;
export const ITEM_FLAG_FROM = `item_flags f JOIN items i ON i.id = f.item_id JOIN users u ON u.id = f.user_id
       LEFT JOIN users lu ON lu.id = f.answered_by_id`;

export type TItemFlagRow = {
  id: string;
  item_id: string;
  external_id: string | null;
  kind: TItemFlag["kind"];
  note: string;
  created_at: Date;
  answer: string | null;
  answered_at: Date | null;
  user_id: string;
  user_name: string;
  answered_by_id: string | null;
  answered_by_name: string | null;
};

export function serializeItemFlag(r: TItemFlagRow): TItemFlag {
  return {
    id: r.id,
    itemId: r.item_id,
    externalId: r.external_id,
    kind: r.kind,
    note: r.note,
    flaggedBy: { id: r.user_id, name: r.user_name },
    createdAt: r.created_at.toISOString(),
    answer: r.answer,
    answeredBy: r.answered_by_id ? { id: r.answered_by_id, name: r.answered_by_name ?? "" } : null,
    answeredAt: r.answered_at?.toISOString() ?? null,
  };
}
