/**
 * Deterministic sampling of an eval set's items.
 *
 * Each item gets a priority from a hash of (seed, item id), and the sample is the items with the
 * lowest priorities. So the same seed over the same items always gives the same sample, the order
 * in which items arrive does not matter, and adding items to the pool changes the sample only where
 * a new item outranks an old one (a bigger pool does not reshuffle everything).
 *
 * Stratified: the sample keeps each stratum's share (the strata are an item's final value for one
 * definition). Sizes are proportional, rounded by the largest-remainder method (ties: the larger
 * stratum, then the stratum key), so they add up to the sample size exactly; within a stratum the
 * lowest priorities win.
 */
import { murmur3x86128 } from "@/lib/import/murmur3-128";
import { compareItemIds } from "@/lib/export/export-row";

export type TSampleCandidate = { itemId: string; stratum?: string };
export type TSampleOptions = { size: number; seed: string | number; isStratified?: boolean };

const words = new Uint32Array(4);

/** A 53-bit priority in [0, 2^53) for an item under a seed. */
export function samplePriority(seed: string | number, itemId: string): number {
  murmur3x86128(`${seed}\u0000${itemId}`, words);
  return words[0] * 2 ** 21 + (words[1] >>> 11);
}

/** Splits `size` over strata in proportion to their sizes, summing to min(size, total) exactly. */
export function allocate(strata: ReadonlyMap<string, number>, size: number): Map<string, number> {
  let total = 0;
  for (const n of strata.values()) total += n;
  const out = new Map<string, number>();
  if (size >= total) {
    for (const [key, n] of strata) out.set(key, n);
    return out;
  }
  const remainders: { key: string; n: number; remainder: number }[] = [];
  let given = 0;
  for (const [key, n] of strata) {
    const product = size * n; // an exact integer: both are at most 10^7
    const quota = Math.floor(product / total);
    out.set(key, quota);
    given += quota;
    remainders.push({ key, n, remainder: product % total });
  }
  remainders.sort(
    (a, b) => b.remainder - a.remainder || b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (let i = 0; given < size; i++, given++) {
    const { key } = remainders[i];
    out.set(key, out.get(key)! + 1);
  }
  return out;
}

function lowestPriorities(candidates: readonly TSampleCandidate[], count: number, seed: string | number) {
  const priorities = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) priorities[i] = samplePriority(seed, candidates[i].itemId);
  return lowestOf(
    candidates.map((c) => c.itemId),
    priorities,
    count,
  );
}

/**
 * The `count` ids first in (priority, item id) order, as sorting every candidate by that order and
 * taking the head would give, without sorting them all: the count-th smallest priority is found in a
 * sorted copy of the numbers alone; the ids below it are taken, and ties at it by item id.
 */
export function lowestOf(ids: readonly string[], priorities: Float64Array, count: number): string[] {
  if (count <= 0) return [];
  if (count >= ids.length) return [...ids];
  const threshold = kthSmallest(Float64Array.from(priorities), count - 1);
  const picked: string[] = [];
  const tied: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (priorities[i] < threshold) picked.push(ids[i]);
    else if (priorities[i] === threshold) tied.push(ids[i]);
  }
  tied.sort(compareItemIds);
  return picked.concat(tied.slice(0, count - picked.length));
}

/** The sampled item ids, in ascending item id order. */
export function sampleItems(candidates: readonly TSampleCandidate[], options: TSampleOptions): string[] {
  if (!Number.isInteger(options.size) || options.size < 0) throw new Error("sample: size must be >= 0");
  let picked: string[];
  if (!options.isStratified) {
    picked = lowestPriorities(candidates, options.size, options.seed);
  } else {
    const groups = new Map<string, TSampleCandidate[]>();
    for (const c of candidates) {
      const key = c.stratum ?? "";
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(c);
    }
    const sizes = allocate(new Map([...groups].map(([key, group]) => [key, group.length])), options.size);
    picked = [];
    for (const [key, group] of groups) picked.push(...lowestPriorities(group, sizes.get(key)!, options.seed));
  }
  return picked.sort(compareItemIds);
}

/**
 * sampleItems over candidates kept as arrays (lib/server/eval-sets/candidate-cache.ts): ids ascending,
 * each one's priority under the seed, and its stratum's index when stratified. Returns the indexes
 * of the sampled ids, ascending (so in item id order): the same items sampleItems picks, as the
 * sampling test checks.
 */
export function sampleIndexes(
  ids: Float64Array,
  priorities: Float64Array,
  size: number,
  strata: { of: Uint32Array; keys: readonly string[] } | null,
  /**
   * Unstratified: the threshold the last sample of this size and seed found, kept by the caller
   * between samples of nearly the same candidates; read as a guess, written with this one's.
   */
  memo: { threshold?: number } = {},
): Uint32Array {
  if (!Number.isInteger(size) || size < 0) throw new Error("sample: size must be >= 0");
  if (!strata) return lowestOfAll(priorities, size, memo);
  const members: number[][] = strata.keys.map(() => []);
  for (let i = 0; i < ids.length; i++) members[strata.of[i]].push(i);
  const counts = new Map<string, number>();
  strata.keys.forEach((key, s) => {
    if (members[s].length > 0) counts.set(key, members[s].length);
  });
  const sizes = allocate(counts, size);
  const picked: number[] = [];
  strata.keys.forEach((key, s) => {
    const among = members[s];
    if (among.length === 0) return;
    // The stratum's own priorities, in id order: the lowest of them by position, mapped back.
    const own = Float64Array.from(among, (i) => priorities[i]);
    for (const j of lowestOfAll(own, sizes.get(key)!, {})) picked.push(among[j]);
  });
  return Uint32Array.from(picked).sort();
}

/**
 * The indexes of the `count` lowest priorities, ascending, ties at the threshold by index (so by item
 * id, as lowestOf breaks them), in a few passes over typed arrays and nothing sorted: the
 * threshold is selected among the priorities at or below the memo's last one (a guess a little
 * above it) when at least `count` of them are, which makes the selection's array a tenth of the
 * candidates for a sample of a tenth; otherwise among all.
 */
function lowestOfAll(priorities: Float64Array, count: number, memo: { threshold?: number }): Uint32Array {
  const n = priorities.length;
  if (count <= 0) return new Uint32Array(0);
  if (count >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  let values: Float64Array | null = null;
  if (memo.threshold !== undefined) {
    const guess = memo.threshold + Math.abs(memo.threshold) / 32;
    let below = 0;
    for (let i = 0; i < n; i++) if (priorities[i] <= guess) below++;
    // At least `count` at or below the guess: the count-th smallest of all is among them.
    if (below >= count) {
      values = new Float64Array(below);
      for (let i = 0, j = 0; i < n; i++) if (priorities[i] <= guess) values[j++] = priorities[i];
    }
  }
  const threshold = kthSmallest(values ?? priorities.slice(), count - 1);
  memo.threshold = threshold;
  let less = 0;
  for (let i = 0; i < n; i++) if (priorities[i] < threshold) less++;
  // Indexes ascend with the ids: the first tied ones are the lowest ids.
  let ties = count - less;
  const picked = new Uint32Array(count);
  for (let i = 0, w = 0; w < count; i++) {
    const p = priorities[i];
    if (p < threshold) picked[w++] = i;
    else if (p === threshold && ties > 0) {
      picked[w++] = i;
      ties--;
    }
  }
  return picked;
}

/**
 * The k-th smallest of `values` (from 0), as `values.sort()[k]` would give, in linear time on
 * average (Hoare's selection, middle pivot); reorders `values`.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
