import "server-only";
import { getPool } from "@/lib/db";

// Limits, per account and per client address, of failed password checks in a window; past them the
// key is locked for the lock time. Kept in PostgreSQL so several app processes share one count.
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 30,
};

export function throttleKeys(email: string, address: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (address) keys.push(`ip:${address}`);
  return keys;
}

/** Seconds until the earliest lock among these keys ends, or 0 when none is locked. */
export async function secondsLocked(keys: string[]): Promise<number> {
  const { rows } = await getPool().query<{ seconds: number | null }>(
    `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
       FROM auth_throttle WHERE key = ANY($1) AND locked_until > now()`,
    [keys],
  );
  return rows[0]?.seconds ?? 0;
}

export async function recordFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    const limit = key.startsWith("email:") ? THROTTLE.maxFailuresPerEmail : THROTTLE.maxFailuresPerAddress;
    await getPool().query(
      `INSERT INTO auth_throttle AS t (key, failures, window_start)
         VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN now() ELSE t.window_start END`,
      [key, THROTTLE.windowSeconds],
    );
    await getPool().query(
      `UPDATE auth_throttle SET locked_until = now() + make_interval(secs => $2), failures = 0, window_start = now()
        WHERE key = $1 AND failures >= $3`,
      [key, THROTTLE.lockSeconds, limit],
    );
  }
}

export async function recordSuccess(email: string): Promise<void> {
  await getPool().query("DELETE FROM auth_throttle WHERE key = $1", [throttleKeys(email, null)[0]]);
}
