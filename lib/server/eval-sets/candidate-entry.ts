// The arrays a candidate cache entry is made of, and how they are written and merged
// (docs/decisions/037-incremental-candidates.md); candidate-cache.ts reads and keeps them.
import { samplePriority } from "@/lib/eval-sets/sampling";
import type { TPreparedFilter } from "./prepare-filter";
import type { TLabeledCandidate, TLabeledItem } from "./stored-candidates";

/**
 * A filter's candidates as of one snapshot, kept by the process between previews
 * (docs/decisions/037-incremental-candidates.md): the matching item ids ascending, each one's stratum
 * (an index into `strata.keys`) when the filter stratifies, each one's labels for the carried
 * definitions (an index into `labels.list`) when their kinds have few distinct labels, and each
 * one's sampling priority per seed.
 */
export type TEntry = {
  key: string;
  /** The xmin of the snapshot the entry is exact for: later writes carry a transaction id >= it. */
  xmin: bigint;
  ids: Float64Array;
  strata: { of: Uint32Array; keys: string[]; index: Map<string, number> } | null;
  labels: { of: Uint32Array; list: TLabeledItem[]; index: Map<string, number> } | null;
  priorities: Map<string, Float64Array>;
  /**
   * Per seed and size, the threshold of the last unstratified sample: a guess for the next one
   * (sampleIndexes), carried from an entry to its update.
   */
  thresholds: Map<string, { threshold?: number }>;
};

/**
 * A candidate as an entry takes it in: its id, its stratum, and its labels by key (given, or parsed
 * only when the key is new).
 */
export type TIncoming = {
  id: number;
  stratum?: string;
  labels?: TLabeledItem;
  labelsKey?: string;
  parse?: () => TLabeledItem;
};

/** A candidate the rule's code labeled. */
export function codeLabeled(c: TLabeledCandidate): TIncoming {
  const labels = { labels: c.labels, annotationCount: c.annotationCount };
  return { id: idNumber(c.itemId), stratum: c.stratum, labels, labelsKey: `code:${JSON.stringify(labels)}` };
}

/**
 * Writes an entry's arrays a candidate at a time (`size` of them), its strata and label sets each
 * kept once. The keys and lists of strata and label sets only grow: an entry brought up to date
 * shares them with the one it came from, whose indexes stay valid.
 */
export class EntryWriter {
  ids = new Float64Array(0);
  private strataOf = new Uint32Array(0);
  private labelsOf = new Uint32Array(0);
  private at = 0;
  private readonly strata: TEntry["strata"];
  private readonly labels: TEntry["labels"];

  constructor(prepared: TPreparedFilter, withLabels: boolean, from?: TEntry) {
    this.strata = prepared.stratifyBy
      ? (from?.strata ?? { of: this.strataOf, keys: [], index: new Map() })
      : null;
    this.labels = withLabels ? (from?.labels ?? { of: this.labelsOf, list: [], index: new Map() }) : null;
  }

  /** Makes room for the entry's `size` candidates, before the first `push`. */
  start(size: number): void {
    this.ids = new Float64Array(size);
    this.strataOf = new Uint32Array(this.strata ? size : 0);
    this.labelsOf = new Uint32Array(this.labels ? size : 0);
  }

  /** An incoming candidate's stratum and labels, as indexes. */
  indexes(c: TIncoming): [number, number] {
    let labels = 0;
    if (this.labels) {
      const key = c.labelsKey ?? `code:${JSON.stringify(c.labels)}`;
      let n = this.labels.index.get(key);
      if (n === undefined) {
        n = this.labels.list.push(c.labels ?? c.parse!()) - 1;
        this.labels.index.set(key, n);
      }
      labels = n;
    }
    let stratum = 0;
    if (this.strata) {
      const key = c.stratum ?? "";
      let n = this.strata.index.get(key);
      if (n === undefined) {
        n = this.strata.keys.push(key) - 1;
        this.strata.index.set(key, n);
      }
      stratum = n;
    }
    return [stratum, labels];
  }

  push(id: number, stratum: number, labels: number): void {
    this.ids[this.at] = id;
    if (this.strata) this.strataOf[this.at] = stratum;
    if (this.labels) this.labelsOf[this.at] = labels;
    this.at++;
  }

  /** The entry's arrays written whole (by a merge) instead of a candidate at a time. */
  adopt(
    ids: Float64Array<ArrayBuffer>,
    strataOf: Uint32Array<ArrayBuffer> | null,
    labelsOf: Uint32Array<ArrayBuffer> | null,
  ): void {
    this.ids = ids;
    this.strataOf = strataOf ?? new Uint32Array(0);
    this.labelsOf = labelsOf ?? new Uint32Array(0);
    this.at = ids.length;
  }

  labelSets(): number {
    return this.labels?.list.length ?? 0;
  }

  entry(
    key: string,
    xmin: bigint,
    priorities: Map<string, Float64Array>,
    thresholds: TEntry["thresholds"] = new Map(),
  ): TEntry {
    if (this.at !== this.ids.length) throw new Error("candidate cache: entry written short");
    return {
      key,
      xmin,
      ids: this.ids,
      strata: this.strata && { ...this.strata, of: this.strataOf },
      labels: this.labels && { ...this.labels, of: this.labelsOf },
      priorities,
      thresholds,
    };
  }
}

/** Ascending ids with their stratum and labels indexes: one for the whole run, or one per id. */
export type TRun = { ids: ArrayLike<number>; stratum: number | number[]; labels: number | number[] };

/** Visits the elements of ascending runs in ascending id order (a binary heap of the runs' heads). */
export function mergeRuns(runs: TRun[], visit: (run: TRun, i: number) => void): void {
  const heads = runs.filter((r) => r.ids.length > 0).map((run) => ({ run, i: 0 }));
  const less = (a: number, b: number) => heads[a].run.ids[heads[a].i] < heads[b].run.ids[heads[b].i];
  const down = (n: number) => {
    for (;;) {
      let least = n;
      for (const child of [2 * n + 1, 2 * n + 2])
        if (child < heads.length && less(child, least)) least = child;
      if (least === n) return;
      [heads[n], heads[least]] = [heads[least], heads[n]];
      n = least;
    }
  };
  for (let n = Math.floor(heads.length / 2); n >= 0; n--) down(n);
  while (heads.length > 0) {
    const top = heads[0];
    visit(top.run, top.i);
    if (++top.i === top.run.ids.length) {
      heads[0] = heads[heads.length - 1];
      heads.pop();
    }
    if (heads.length > 0) down(0);
  }
}

export function idNumber(id: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n)) throw new Error(`item id ${id} is beyond 2^53`);
  return n;
}

/**
 * The entry with the `changed` ids taken out and the `added` candidates put in, in id order, as of
 * the snapshot `xmin`; each kept id's priorities carried over, new ones computed. Null past
 * `maxLabelSets` distinct label sets. The kept stretches between changes are copied whole
 * (`TypedArray.set`), so a few hundred changes among a million candidates cost a few hundred copies,
 * not a million steps.
 */
export function merged(
  prepared: TPreparedFilter,
  entry: TEntry,
  xmin: bigint,
  changed: Set<number>,
  added: TIncoming[],
  maxLabelSets: number,
): TEntry | null {
  const writer = new EntryWriter(prepared, entry.labels !== null, entry);
  const incoming = added.map((c) => ({ id: c.id, indexes: writer.indexes(c) })).sort((a, b) => a.id - b.id);
  if (writer.labelSets() > maxLabelSets) return null;
  const old = entry.ids;
  // The positions of the changed ids the entry holds, ascending (each is taken out).
  const gone: number[] = [];
  for (const id of changed) {
    const at = lowerBound(old, id);
    if (at < old.length && old[at] === id) gone.push(at);
  }
  gone.sort((a, b) => a - b);
  // The plan: stretches of the old arrays to copy ([from, to)), and incoming candidates (-k - 1 for
  // the k-th) where they go: before the first old id above theirs (an old id equal to one is gone).
  const plan: number[] = [];
  let from = 0;
  for (let g = 0, a = 0; g < gone.length || a < incoming.length;) {
    const insertAt = a < incoming.length ? lowerBound(old, incoming[a].id) : Infinity;
    const goneAt = g < gone.length ? gone[g] : Infinity;
    const to = Math.min(insertAt, goneAt);
    if (to > from) plan.push(from, to);
    from = Math.max(from, to);
    if (insertAt <= goneAt) plan.push(-++a, 0);
    else {
      from = goneAt + 1;
      g++;
    }
  }
  if (old.length > from) plan.push(from, old.length);
  const size = old.length - gone.length + incoming.length;
  /** Writes one column of the new entry: the old one's stretches, and each incoming candidate's value. */
  const fill = (
    out: Float64Array | Uint32Array,
    column: Float64Array | Uint32Array,
    value: (k: number) => number,
  ) => {
    let w = 0;
    for (let p = 0; p < plan.length; p += 2) {
      if (plan[p] < 0) out[w++] = value(-plan[p] - 1);
      else {
        out.set(column.subarray(plan[p], plan[p + 1]), w);
        w += plan[p + 1] - plan[p];
      }
    }
    if (w !== size) throw new Error("candidate cache: entry merged short");
  };
  const ids = new Float64Array(size);
  fill(ids, old, (k) => incoming[k].id);
  const priorities = new Map<string, Float64Array>();
  for (const [seed, list] of entry.priorities) {
    const next = new Float64Array(size);
    fill(next, list, (k) => samplePriority(seed, String(incoming[k].id)));
    priorities.set(seed, next);
  }
  const indexes = (column: Uint32Array | undefined, n: 0 | 1) => {
    if (!column) return null;
    const next = new Uint32Array(size);
    fill(next, column, (k) => incoming[k].indexes[n]);
    return next;
  };
  writer.adopt(ids, indexes(entry.strata?.of, 0), indexes(entry.labels?.of, 1));
  return writer.entry(entry.key, xmin, priorities, entry.thresholds);
}

/** The first position in ascending `ids` whose id is not below `id`. */
function lowerBound(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
