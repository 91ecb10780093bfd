import "server-only";

type TEntry = { stamp: string; storedAt: number; value: Promise<unknown> };

const MAX_ENTRIES = 200;
/** Even with an unchanged stamp, recompute after this long (a deleted item does not move the stamp). */
const MAX_AGE_MS = 10 * 60 * 1000;

const globalForCache = globalThis as unknown as { concordAgreementCache?: Map<string, TEntry> };
const cache = (globalForCache.concordAgreementCache ??= new Map<string, TEntry>());

/**
 * An in-process LRU of computed agreement, keyed by what was computed and valid while the
 * project's change stamp is the same. Concurrent requests share one computation; a failed one is
 * forgotten. Each app process keeps its own; they agree because the stamp comes from the database.
 */
export async function cachedByStamp<T>(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp && Date.now() - hit.storedAt < MAX_AGE_MS) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: TEntry = { stamp, storedAt: Date.now(), value };
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** For tests and benchmarks: forget everything. */
export function clearAgreementCache(): void {
  cache.clear();
}
