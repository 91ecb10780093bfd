import "server-only";
import type { TItemReservations, TReleaseItemsInput } from "@/lib/schemas/people";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { listItemAssignees } from "./list-item-assignees";
import { itemCondition } from "./select-items";

/** Ends the reservation of some items (all the project's, naming none): anyone may be served them again. */
export async function releaseItems(projectId: string, input: TReleaseItemsInput): Promise<TItemReservations> {
  const condition = itemCondition(input, 2, { all: true });
  await withTransaction(async (client) => {
    // The flag goes first: a claim never finds a reserved item without its rows.
    await client.query(
      `WITH released AS (
         UPDATE items i SET reserved = false WHERE i.project_id = $1 AND i.reserved AND ${condition.sql}
         RETURNING i.id)
       DELETE FROM item_assignees x USING released r WHERE x.item_id = r.id`,
      [projectId, ...condition.params],
    );
  });
  return listItemAssignees(projectId);
}
