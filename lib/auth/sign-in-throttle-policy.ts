/**
 * Sign-in throttling, as policy (lib/server/auth/sign-in-throttle.ts keeps the counts in PostgreSQL).
 * Refusals are keyed on where the guesses come from, never on the account alone, so nobody can lock
 * someone else out from another address:
 * - an account guessed at from one address: locked for that address after a few failures;
 * - an address guessing at many accounts: locked after more;
 * - an account guessed at from many addresses: every attempt on it is slowed, never refused, so its
 *   owner still signs in from an address that has not failed.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  maxFailuresPerAccountAtAddress: 5,
  maxFailuresPerAddress: 30,
  slowAccountAfter: 5,
  slowdownStepMs: 500,
  maxSlowdownMs: 5_000,
};

export type TThrottleKeys = {
  /** Locked after maxFailuresPerAccountAtAddress. An unknown address is one address. */
  accountAtAddress: string;
  /** Locked after maxFailuresPerAddress; none when the address is unknown (it would lock everyone). */
  address: string | null;
  /** Counted, never locked: it sets the slowdown. */
  account: string;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function throttleKeys(email: string, address: string | null): TThrottleKeys {
  const account = normalizeEmail(email);
  return {
    // The address comes first and holds no "|", so no email can make two pairs share a key.
    accountAtAddress: `account-at:${address ?? "unknown"}|${account}`,
    address: address ? `address:${address}` : null,
    account: `account:${account}`,
  };
}

/** How long to hold an attempt on an account that failed this often lately (from anywhere). */
export function slowdownMs(accountFailures: number): number {
  if (accountFailures < THROTTLE.slowAccountAfter) return 0;
  const steps = accountFailures - THROTTLE.slowAccountAfter + 1;
  return Math.min(steps * THROTTLE.slowdownStepMs, THROTTLE.maxSlowdownMs);
}
