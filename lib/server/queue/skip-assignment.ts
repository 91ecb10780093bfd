import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict } from "@/lib/server/errors";
import type { TServedAssignment } from "@/lib/schemas/queue";
import { claimInTransaction } from "./claim-next-item";
import { lockOwnAssignment } from "./lock-own-assignment";

/** Gives the item back: its slot frees for others, and it is never served to this annotator again. */
export async function skipAssignment(
  caller: { id: string; isAdmin: boolean },
  assignmentId: string,
  options: { claimNext?: boolean } = {},
): Promise<{ ok: true; next?: TServedAssignment | null }> {
  return withTransaction(async (client) => {
    const assignment = await lockOwnAssignment(client, assignmentId, caller);
    if (assignment.status === "submitted") throw conflict("This item was submitted; it cannot be skipped.");
    if (assignment.status === "leased") {
      await client.query("UPDATE items SET lease_count = lease_count - 1 WHERE id = $1", [
        assignment.item_id,
      ]);
    }
    if (assignment.status !== "skipped") {
      await client.query("UPDATE assignments SET status = 'skipped', skipped_at = now() WHERE id = $1", [
        assignmentId,
      ]);
    }
    const next = options.claimNext
      ? await claimInTransaction(client, caller.id, assignment.project_id)
      : undefined;
    return { ok: true, ...(next === undefined ? {} : { next }) };
  });
}
