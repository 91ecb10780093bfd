/**
 * Token buckets by key, in memory: each key may make `perMinute` requests in a burst, and earns
 * them back evenly over a minute. `take` spends one and answers how long to wait when none is left.
 * Idle keys are forgotten once full again, so memory follows the keys active in the last minute.
 */
export type TTokenBuckets = {
  take: (key: string, now?: number) => { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };
  size: () => number;
};

const SWEEP_EVERY = 10_000;

export function createTokenBuckets(perMinute: number): TTokenBuckets {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let takesSinceSweep = 0;

  function sweep(now: number) {
    for (const [key, bucket] of buckets)
      if (bucket.tokens + (now - bucket.at) * perMs >= perMinute) buckets.delete(key);
  }

  return {
    take(key, now = Date.now()) {
      if (++takesSinceSweep >= SWEEP_EVERY) {
        takesSinceSweep = 0;
        sweep(now);
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { isAllowed: true };
      }
      return {
        isAllowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      };
    },
    size: () => buckets.size,
  };
}
