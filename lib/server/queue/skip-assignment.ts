import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict } from "@/lib/server/errors";
import type { TQueueIdle, TServedAssignment } from "@/lib/schemas/queue";
import { claimNextItem, nextOf } from "./claim-next-item";
import { lockOwnAssignment } from "./lock-own-assignment";

/**
 * Gives the item back: its slot frees for others, and it is never served to this annotator again
 * (for campaign work: never again in that campaign).
 */
export async function skipAssignment(
  caller: { id: string; isAdmin: boolean },
  assignmentId: string,
  options: { claimNext?: boolean } = {},
): Promise<{ ok: true; next?: TServedAssignment | null; queue?: TQueueIdle }> {
  const projectId = await withTransaction(async (client) => {
    const assignment = await lockOwnAssignment(client, assignmentId, caller);
    if (assignment.status === "submitted") throw conflict("This item was submitted; it cannot be skipped.");
    if (assignment.status === "leased" && assignment.campaign_id === null) {
      await client.query("UPDATE items SET lease_count = lease_count - 1 WHERE id = $1", [
        assignment.item_id,
      ]);
    } else if (assignment.status === "leased") {
      await client.query(
        "UPDATE campaign_items SET lease_count = lease_count - 1 WHERE campaign_id = $1 AND item_id = $2",
        [assignment.campaign_id, assignment.item_id],
      );
    }
    if (assignment.status !== "skipped") {
      await client.query("UPDATE assignments SET status = 'skipped', skipped_at = now() WHERE id = $1", [
        assignmentId,
      ]);
    }
    return assignment.project_id;
  });
  if (!options.claimNext) return { ok: true };
  // After the skip committed: a claim may wait for a row, and must hold none while it does.
  return { ok: true, ...nextOf(await claimNextItem(caller.id, projectId)) };
}
