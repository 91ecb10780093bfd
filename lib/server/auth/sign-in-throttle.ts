import "server-only";
import { getPool } from "@/lib/db";
import { THROTTLE, type TThrottleKeys } from "@/lib/auth/sign-in-throttle-policy";

// The counts behind lib/auth/sign-in-throttle-policy.ts, kept in PostgreSQL so that several app
// processes share them.

/** Seconds until the lock on this account-at-address or this address ends (0: none), and the
 * account's recent failures from anywhere (which slow it down). */
export async function readThrottle(
  keys: TThrottleKeys,
): Promise<{ lockedSeconds: number; accountFailures: number }> {
  const { rows } = await getPool().query<{ key: string; failures: number; locked_seconds: number }>(
    `SELECT key,
            CASE WHEN window_start >= now() - make_interval(secs => $2) THEN failures ELSE 0 END AS failures,
            GREATEST(0, ceil(extract(epoch FROM locked_until - now())))::int AS locked_seconds
       FROM auth_throttle WHERE key = ANY($1)`,
    [[keys.accountAtAddress, keys.address, keys.account].filter(Boolean), THROTTLE.windowSeconds],
  );
  let lockedSeconds = 0;
  let accountFailures = 0;
  for (const row of rows) {
    if (row.key === keys.account) accountFailures = row.failures;
    else lockedSeconds = Math.max(lockedSeconds, row.locked_seconds ?? 0);
  }
  return { lockedSeconds, accountFailures };
}

export async function recordFailure(keys: TThrottleKeys): Promise<void> {
  const counted: [string | null, number | null][] = [
    [keys.accountAtAddress, THROTTLE.maxFailuresPerAccountAtAddress],
    [keys.address, THROTTLE.maxFailuresPerAddress],
    [keys.account, null],
  ];
  for (const [key, lockAfter] of counted) {
    if (!key) continue;
    await getPool().query(
      `INSERT INTO auth_throttle AS t (key, failures, window_start)
         VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN now() ELSE t.window_start END`,
      [key, THROTTLE.windowSeconds],
    );
    if (lockAfter === null) continue;
    await getPool().query(
      `UPDATE auth_throttle SET locked_until = now() + make_interval(secs => $2), failures = 0, window_start = now()
        WHERE key = $1 AND failures >= $3`,
      [key, THROTTLE.lockSeconds, lockAfter],
    );
  }
}

/** A right password forgives this address its failures on this account; the account's count stays,
 * since whoever else is guessing at it has not stopped. */
export async function recordSuccess(keys: TThrottleKeys): Promise<void> {
  await getPool().query("DELETE FROM auth_throttle WHERE key = $1", [keys.accountAtAddress]);
}
