import "server-only";

/** A pair row's key: annotator a, annotator b (null on an annotator's own rows), value a, value b. */
export type TPairKey = [string, string | null, string | null, string | null];
/** [key, items] */
export type TPairTotal = [TPairKey, number];
/**
 * One definition version's folded totals as of the largest fold id (`generation`) among them, by key
 * (docs/decisions/038-pair-totals.md, "Later"). Never changed once kept: newer totals are kept as a
 * new object, so a request still summing older ones is not disturbed.
 */
export type TPairTotalsMemo = { generation: bigint; totals: ReadonlyMap<string, TPairTotal> };

/** Totals kept over all definitions and versions (about 200 bytes each): past it, the least recently read go. */
const MAX_KEPT_TOTALS = 500_000;
const globalForMemo = globalThis as unknown as { concordPairTotals?: Map<string, TPairTotalsMemo> };
const memos = (globalForMemo.concordPairTotals ??= new Map<string, TPairTotalsMemo>());

const memoKeyOf = (definitionId: string, version: number) => `${definitionId}:${version}`;
export const pairKeyOf = (k: TPairKey) => k.map((part) => part ?? "\u0001").join("\u0000");

/** For tests: forget the totals kept in memory. */
export function forgetPairTotals(): void {
  memos.clear();
}

/** Whether this process keeps totals of any version of the definition. */
export function keepsPairTotals(definitionId: string): boolean {
  for (const key of memos.keys()) if (key.startsWith(`${definitionId}:`)) return true;
  return false;
}

/** The totals kept for a definition version (0: all versions), marked as the most recently read. */
export function keptPairTotals(definitionId: string, version: number): TPairTotalsMemo | undefined {
  const key = memoKeyOf(definitionId, version);
  const known = memos.get(key);
  if (known) {
    memos.delete(key);
    memos.set(key, known);
  }
  return known;
}

/**
 * The totals `from` with the rows a fold (or several) wrote, as of fold id `generation`, kept unless
 * newer ones are: a slower, older read never replaces a newer one.
 */
export function keepPairTotals(
  definitionId: string,
  version: number,
  from: TPairTotalsMemo | undefined,
  written: Iterable<TPairTotal>,
  generation: bigint,
): TPairTotalsMemo {
  const totals = new Map(from?.totals);
  for (const total of written) totals.set(pairKeyOf(total[0]), total);
  const memo = { generation, totals };
  const key = memoKeyOf(definitionId, version);
  const stored = memos.get(key);
  if (stored && stored.generation > generation) return memo;
  memos.delete(key);
  memos.set(key, memo);
  let kept = 0;
  for (const m of memos.values()) kept += m.totals.size;
  for (const [oldest, m] of memos) {
    if (kept <= MAX_KEPT_TOTALS || oldest === key) break;
    memos.delete(oldest);
    kept -= m.totals.size;
  }
  return memo;
}

/**
 * After a fold that wrote `written` (one version's rows) as fold id `generation`: if this process
 * keeps the totals the fold started from (the version's largest fold id before it was `before`), it
 * keeps the fold's result too, so its next read asks for nothing the fold wrote. Otherwise (nothing
 * kept, or kept from another fold) the next read catches up as usual.
 */
export function advanceKeptPairTotals(
  definitionId: string,
  version: number,
  before: bigint,
  written: TPairTotal[],
  generation: bigint,
): void {
  const known = memos.get(memoKeyOf(definitionId, version));
  if (known?.generation === before) keepPairTotals(definitionId, version, known, written, generation);
}
