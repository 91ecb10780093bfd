import "server-only";
import type { TAssignItemsInput, TItemReservations } from "@/lib/schemas/people";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { unprocessable } from "@/lib/server/errors";
import { listItemAssignees } from "./list-item-assignees";
import { itemCondition } from "./select-items";

/**
 * Reserves items (a batch, a list, or the items of a batch in a list) for named annotators: the
 * queue serves a reserved item only to the annotators it is reserved for. Assigning again adds
 * annotators; release ends a reservation. Items already served keep their assignments.
 */
export async function assignItems(projectId: string, input: TAssignItemsInput): Promise<TItemReservations> {
  const condition = itemCondition(input, 3, { all: false });
  const onItems = itemCondition(input, 2, { all: false });
  await withTransaction(async (client) => {
    const { rows: annotators } = await client.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE m.project_id = $1 AND m.role IN ('annotator', 'lead') AND u.email = ANY($2)`,
      [projectId, input.annotators],
    );
    const found = new Set(annotators.map((a) => a.email));
    const missing = input.annotators.flatMap((email, index) =>
      found.has(email)
        ? []
        : [{ path: `annotators.${index}`, message: "is not an annotator or lead of the project" }],
    );
    if (missing.length) throw unprocessable("Some names are not annotators of this project.", missing);
    // The rows are written first, then the flag: a claim that sees reserved = true finds the rows.
    const inserted = await client.query<{ item_id: string }>(
      `INSERT INTO item_assignees (item_id, user_id, project_id)
       SELECT i.id, a.id, i.project_id
         FROM items i CROSS JOIN unnest($2::uuid[]) AS a(id)
        WHERE i.project_id = $1 AND ${condition.sql}
       ON CONFLICT DO NOTHING RETURNING item_id`,
      [projectId, annotators.map((a) => a.id), ...condition.params],
    );
    const matched = await client.query(
      `UPDATE items i SET reserved = true WHERE i.project_id = $1 AND NOT i.reserved AND ${onItems.sql}`,
      [projectId, ...onItems.params],
    );
    if (!inserted.rowCount && !matched.rowCount) {
      const any = await client.query(
        `SELECT 1 FROM items i WHERE i.project_id = $1 AND ${onItems.sql} LIMIT 1`,
        [projectId, ...onItems.params],
      );
      if (!any.rowCount) {
        throw unprocessable("No item of the project matched.", [
          { path: input.batchId ? "batchId" : "itemIds", message: "matches no item of the project" },
        ]);
      }
    }
  });
  return listItemAssignees(projectId);
}
