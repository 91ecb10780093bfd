/**
 * The difference between two frozen versions of an eval set: items added, items removed, and items
 * whose final labels changed (per definition key: before and after). A merge over both versions'
 * rows in ascending item id order (the order they are stored and exported in), so it reads each
 * version once and holds only the examples it returns.
 */
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import { compareItemIds } from "@/lib/export/export-row";

export type TDiffRow = { itemId: string; externalId: string | null; labels: Record<string, unknown> };
export type TLabelChange = { key: string; before: unknown; after: unknown };
export type TTransition = { before: unknown; after: unknown; count: number };

export type TVersionDiff = {
  added: { count: number; items: TDiffRow[] };
  removed: { count: number; items: TDiffRow[] };
  changed: { count: number; items: (Omit<TDiffRow, "labels"> & { changes: TLabelChange[] })[] };
  unchanged: number;
  /** Definition key -> the most frequent label changes (before -> after), most frequent first. */
  transitions: Record<string, TTransition[]>;
};

const MAX_TRANSITIONS = 20;

/** The labels that differ between two label objects (a key missing on one side counts as null). */
export function labelChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): TLabelChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: TLabelChange[] = [];
  for (const key of keys) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (canonicalJson(a) !== canonicalJson(b)) changes.push({ key, before: a, after: b });
  }
  return changes;
}

async function* checkedOrder(rows: AsyncIterable<TDiffRow>, side: string): AsyncGenerator<TDiffRow> {
  let previous: string | null = null;
  for await (const row of rows) {
    if (previous !== null && compareItemIds(previous, row.itemId) >= 0) {
      throw new Error(
        `diff: ${side} rows are not in ascending item id order (${row.itemId} after ${previous})`,
      );
    }
    previous = row.itemId;
    yield row;
  }
}

export async function diffVersions(
  beforeRows: AsyncIterable<TDiffRow>,
  afterRows: AsyncIterable<TDiffRow>,
  options: { limit: number },
): Promise<TVersionDiff> {
  const diff: TVersionDiff = {
    added: { count: 0, items: [] },
    removed: { count: 0, items: [] },
    changed: { count: 0, items: [] },
    unchanged: 0,
    transitions: {},
  };
  const transitions = new Map<string, Map<string, TTransition>>();
  const before = checkedOrder(beforeRows, "before")[Symbol.asyncIterator]();
  const after = checkedOrder(afterRows, "after")[Symbol.asyncIterator]();
  let a = await before.next();
  let b = await after.next();
  while (!a.done || !b.done) {
    const order = a.done ? 1 : b.done ? -1 : compareItemIds(a.value.itemId, b.value.itemId);
    if (order < 0) {
      diff.removed.count += 1;
      if (diff.removed.items.length < options.limit) diff.removed.items.push(a.value!);
      a = await before.next();
    } else if (order > 0) {
      diff.added.count += 1;
      if (diff.added.items.length < options.limit) diff.added.items.push(b.value!);
      b = await after.next();
    } else {
      const changes = labelChanges(a.value!.labels, b.value!.labels);
      if (changes.length === 0) {
        diff.unchanged += 1;
      } else {
        diff.changed.count += 1;
        if (diff.changed.items.length < options.limit) {
          diff.changed.items.push({ itemId: b.value!.itemId, externalId: b.value!.externalId, changes });
        }
        for (const change of changes) {
          let byPair = transitions.get(change.key);
          if (!byPair) transitions.set(change.key, (byPair = new Map()));
          const pair = `${canonicalJson(change.before)}\u0000${canonicalJson(change.after)}`;
          const entry = byPair.get(pair);
          if (entry) entry.count += 1;
          else byPair.set(pair, { before: change.before, after: change.after, count: 1 });
        }
      }
      a = await before.next();
      b = await after.next();
    }
  }
  for (const key of [...transitions.keys()].sort()) {
    diff.transitions[key] = [...transitions.get(key)!.values()]
      .sort(
        (x, y) =>
          y.count - x.count ||
          canonicalJson([x.before, x.after]).localeCompare(canonicalJson([y.before, y.after])),
      )
      .slice(0, MAX_TRANSITIONS);
  }
  return diff;
}
