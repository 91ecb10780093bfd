/**
 * Editing a ranking in the workspace. A draft ranking has one entry per response: its rank (1 best)
 * or 0 while unranked. Every function returns a new array.
 */

/** Ranks made dense (1, 2, 2, 3), keeping their order and ties; unranked entries stay 0. */
export function compactRanks(ranks: readonly number[]): number[] {
  const distinct = [...new Set(ranks.filter((r) => r > 0))].sort((a, b) => a - b);
  return ranks.map((r) => (r > 0 ? distinct.indexOf(r) + 1 : 0));
}

/**
 * Gives `position` the rank `rank` (a digit typed on the focused response, or a rank button).
 * Without ties a rank belongs to one response: the one that held it takes the position's old rank
 * (a swap). With ties both share it; a complete ranking is then made dense.
 */
export function assignRank(
  ranks: readonly number[],
  position: number,
  rank: number,
  allowTies: boolean,
): number[] {
  const next = [...ranks];
  if (rank < 1 || rank > ranks.length) return next;
  if (!allowTies) {
    const holder = next.indexOf(rank);
    if (holder !== -1 && holder !== position) next[holder] = next[position];
  }
  next[position] = rank;
  return allowTies && next.every((r) => r > 0) ? compactRanks(next) : next;
}

/** Clears a response's rank; the others close the gap when the ranking allows ties. */
export function clearRank(ranks: readonly number[], position: number, allowTies: boolean): number[] {
  const next = [...ranks];
  next[position] = 0;
  return allowTies ? compactRanks(next) : next;
}

/** Click order: an unranked response takes the next rank; a ranked one is taken back (and later ones move up). */
export function rankByClick(ranks: readonly number[], position: number): number[] {
  if (ranks[position] > 0) {
    const removed = ranks[position];
    return ranks.map((r, i) => (i === position ? 0 : r > removed ? r - 1 : r));
  }
  const next = [...ranks];
  next[position] = Math.max(0, ...ranks) + 1;
  return next;
}

/** The responses in ranked order (best first; unranked last, each group by position). */
export function orderOf(ranks: readonly number[]): number[] {
  return ranks.map((_, i) => i).sort((a, b) => (ranks[a] || Infinity) - (ranks[b] || Infinity) || a - b);
}

/** Drag and drop: moves the response at `from` in the ranked order to index `to`; ranks follow the new order (no ties). */
export function moveInOrder(ranks: readonly number[], from: number, to: number): number[] {
  const order = orderOf(ranks);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const next = new Array<number>(ranks.length).fill(0);
  order.forEach((position, index) => (next[position] = index + 1));
  return next;
}

/** The draft of a stored value (or nothing yet) for K responses. */
export function draftRanks(value: readonly number[] | null, count: number): number[] {
  return value !== null && value.length === count ? [...value] : new Array<number>(count).fill(0);
}
