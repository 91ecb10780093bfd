import type { TItemStatus } from "@/lib/schemas/items";

export type TItemProgress = {
  doneCount: number;
  leaseCount: number;
  targetCount: number;
  isAdjudicated: boolean;
};

/**
 * Where an item stands (see ITEM_STATUSES). `isResolved` (every final label resolved by its rule)
 * is only asked for once all annotations are in, so callers compute final labels for those alone.
 */
export function itemStatus(item: TItemProgress, isResolved: () => boolean): TItemStatus {
  if (item.isAdjudicated) return "adjudicated";
  if (item.doneCount >= item.targetCount) return isResolved() ? "resolved" : "done";
  return item.doneCount + item.leaseCount > 0 ? "in_progress" : "open";
}

/** The SQL condition on items `i` (and `is_adjudicated`) that a status filter can decide alone. */
export function statusCondition(status: TItemStatus): string {
  switch (status) {
    case "adjudicated":
      return "is_adjudicated";
    case "open":
      return "NOT is_adjudicated AND i.done_count = 0 AND i.lease_count = 0";
    case "in_progress":
      return "NOT is_adjudicated AND i.done_count + i.lease_count > 0 AND i.done_count < i.target_count";
    case "done":
    case "resolved":
      // Told apart by the final labels, after the query.
      return "NOT is_adjudicated AND i.done_count >= i.target_count";
  }
}
