import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import { ensureAnotherLead } from "./lock-lead-count";

/**
 * Takes someone out of a project. Their annotations stay (they are the project's data); their live
 * leases end now, freeing those slots for others, and their item reservations go, so no item waits
 * for someone who can no longer label it.
 */
export async function removeMember(projectId: string, userId: string): Promise<void> {
  await withTransaction(async (client) => {
    await ensureAnotherLead(client, projectId, userId, null);
    const removed = await client.query("DELETE FROM memberships WHERE project_id = $1 AND user_id = $2", [
      projectId,
      userId,
    ]);
    if (!removed.rowCount) throw notFound("Member");
    // Items in id order, as every other writer of the counters locks them (no deadlock).
    await client.query(
      `WITH ended AS (
         UPDATE assignments SET status = 'expired'
          WHERE project_id = $1 AND user_id = $2 AND status = 'leased' RETURNING item_id),
       locked AS (SELECT i.id FROM items i WHERE i.id IN (SELECT item_id FROM ended) ORDER BY i.id FOR UPDATE)
       UPDATE items i SET lease_count = i.lease_count - 1 WHERE i.id IN (SELECT id FROM locked)`,
      [projectId, userId],
    );
    // Two statements: within one, the UPDATE would still see the rows the DELETE removes.
    const released = await client.query<{ item_id: string }>(
      "DELETE FROM item_assignees WHERE project_id = $1 AND user_id = $2 RETURNING item_id",
      [projectId, userId],
    );
    await client.query(
      `UPDATE items i SET reserved = false
        WHERE i.id = ANY($1::bigint[]) AND NOT EXISTS (SELECT 1 FROM item_assignees x WHERE x.item_id = i.id)`,
      [released.rows.map((r) => r.item_id)],
    );
  });
}
