/** How long deliveries are retried before a message is given up: a day, as the contract says. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The wait after the n-th failed attempt (n >= 1): base, 4x base, 16x base, ... capped at 4 hours,
 * with up to 20% jitter so that many failed messages do not all come back in the same second.
 * With the default base of 10 s: 10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h, then every 4 h.
 */
export function backoffMs(attempt: number, baseMs: number, random = Math.random): number {
  const exponential = baseMs * 4 ** Math.max(0, attempt - 1);
  const capped = Math.min(exponential, 4 * 60 * 60 * 1000);
  return Math.round(capped * (1 + 0.2 * random()));
}
