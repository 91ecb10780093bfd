/**
 * The matrix of final labels old -> new: for items with a final label under both versions, how
 * many went from each value to each value. Values are canonical JSON strings (lib/final-labels/
 * value-key.ts), so equal answers meet in one cell whatever order they were given in.
 */
export type TTransitionPair = { itemId: string; from: string; to: string };
export type TTransitionCell = { from: string; to: string; count: number; itemIds: string[] };

/** Cells sorted by count (largest first), then by value; `itemIds` keeps at most `keep` per cell. */
export function transitionMatrix(pairs: readonly TTransitionPair[], keep = 50): TTransitionCell[] {
  const cells = new Map<string, TTransitionCell>();
  for (const pair of pairs) {
    const key = JSON.stringify([pair.from, pair.to]);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { from: pair.from, to: pair.to, count: 0, itemIds: [] }));
    cell.count += 1;
    if (cell.itemIds.length < keep) cell.itemIds.push(pair.itemId);
  }
  return [...cells.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}

/** Items whose final label changed between the versions. */
export function flippedCount(cells: readonly TTransitionCell[]): number {
  return cells.reduce((n, c) => n + (c.from === c.to ? 0 : c.count), 0);
}
