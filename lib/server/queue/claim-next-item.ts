import "server-only";
import type { Pool, PoolClient } from "pg";
import { getPool } from "@/lib/db";
import type { TServedAssignment } from "@/lib/schemas/queue";
import { rememberServed } from "./served-context";

/**
 * "My next item": the caller's live lease in the project if they hold one (a reload burns
 * nothing), else a new lease on the first open item they were never served: started items first,
 * then by priority, then in import order. Null when nothing is left for them.
 *
 * The work, access check included, is the SQL function concord_claim (prisma/migrations/
 * …_queue_functions and …_queue_access): one round trip. It reads the open-items index with
 * FOR UPDATE SKIP LOCKED, so concurrent claimers never wait on each other and the cost does not
 * grow with the project. Someone outside the project gets a 404, a member who cannot label a 403
 * (raised by the function, mapped by the API wrapper: lib/server/errors.ts `sqlRefusal`).
 */
export async function claimNextItem(userId: string, projectId: string): Promise<TServedAssignment | null> {
  return claimInTransaction(getPool(), userId, projectId);
}

/** The same claim inside a transaction the caller holds (submit-and-next). */
export async function claimInTransaction(
  db: Pool | PoolClient,
  userId: string,
  projectId: string,
): Promise<TServedAssignment | null> {
  const { rows } = await db.query<{ served: TServedAssignment | null }>(
    "SELECT concord_claim($1, $2) AS served",
    [projectId, userId],
  );
  const served = rows[0].served;
  if (served) rememberServed(userId, projectId, served);
  return served;
}
