import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db";
import { forgetCachedCallers } from "./caller-cache";

/**
 * Ends every session of this user, on every process: their session version moves on, so every
 * cookie naming the old one is refused (the trigger on users tells the other processes' caches).
 * With `passwordHash`, the password changes in the same statement, so no session outlives it.
 * Returns the new version, or null when there is no such user. With `client`, the update runs in
 * that open transaction (the caller forgets cached callers again once it commits).
 */
export async function endSessions(
  userId: string,
  { passwordHash, client }: { passwordHash?: string; client?: PoolClient } = {},
): Promise<number | null> {
  const { rows } = await (client ?? getPool()).query<{ session_version: number }>(
    `UPDATE users SET session_version = session_version + 1,
                      password_hash = COALESCE($2, password_hash)
      WHERE id = $1 RETURNING session_version`,
    [userId, passwordHash ?? null],
  );
  // This process need not wait for the notification to come back round.
  forgetCachedCallers();
  return rows[0]?.session_version ?? null;
}
