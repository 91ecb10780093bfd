import "server-only";
import { getPool } from "@/lib/db";
import type { TQueueIdle, TServedAssignment } from "@/lib/schemas/queue";
import { rememberServed } from "./served-context";

/** An item served, or why none was (`done`: nothing left for the caller; `leased`: wait for leases). */
export type TClaimOutcome = { served: TServedAssignment; idle: null } | { served: null; idle: TQueueIdle };

/**
 * "My next item": the caller's live lease in the project if they hold one (a reload burns
 * nothing), else a new lease on the first open item they were never served: started items first,
 * then by priority, then in import order.
 *
 * The work, access check included, is the SQL function concord_claim (prisma/functions/
 * queue-access.sql, around queue-claim.sql): one round trip. It reads the
 * open-items index with FOR UPDATE SKIP LOCKED, so concurrent claimers never wait on each other and
 * the cost does not grow with the project; only when every open item is locked for a moment does it
 * wait for one, so "nothing" is never answered while an item still needs the caller. Someone outside
 * the project gets a 404, a member who cannot label a 403 (raised by the function, mapped by the API
 * wrapper: lib/server/errors.ts `sqlRefusal`).
 */
export async function claimNextItem(userId: string, projectId: string): Promise<TClaimOutcome> {
  // Never inside a transaction that holds row locks: a claim that waits for a row while holding
  // one could wait in a cycle. Submit-and-next and skip-and-next claim after their commit.
  const { rows } = await getPool().query<{ claimed: TServedAssignment | { idle: TQueueIdle } }>(
    "SELECT concord_claim($1, $2) AS claimed",
    [projectId, userId],
  );
  const claimed = rows[0].claimed;
  if ("idle" in claimed) return { served: null, idle: claimed.idle };
  rememberServed(userId, projectId, claimed);
  return { served: claimed, idle: null };
}

/** The `next` of a submit or skip answer, and with `next: null` why (`queue`). */
export function nextOf(outcome: TClaimOutcome): { next: TServedAssignment | null; queue?: TQueueIdle } {
  return outcome.served ? { next: outcome.served } : { next: null, queue: outcome.idle };
}
