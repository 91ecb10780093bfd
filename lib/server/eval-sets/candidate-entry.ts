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

  labelSets(): number {
    return this.labels?.list.length ?? 0;
  }

  entry(key: string, xmin: bigint, priorities: Map<string, Float64Array>): TEntry {
    if (this.at !== this.ids.length) throw new Error("candidate cache: entry written short");
    return {
      key,
      xmin,
      ids: this.ids,
      strata: this.strata && { ...this.strata, of: this.strataOf },
      labels: this.labels && { ...this.labels, of: this.labelsOf },
      priorities,
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
 * `maxLabelSets` distinct label sets.
 */
export function merged(
  prepared: TPreparedFilter,
  entry: TEntry,
  xmin: bigint,
  changed: Set<number>,
  added: TIncoming[],
  maxLabelSets: number,
): TEntry | null {
  // The changed ids in order, walked beside the entry's (both ascending) instead of looked up.
  const gone = Float64Array.from(changed).sort();
  let kept = entry.ids.length;
  for (let i = 0, c = 0; i < entry.ids.length && c < gone.length; i++) {
    while (c < gone.length && gone[c] < entry.ids[i]) c++;
    if (gone[c] === entry.ids[i]) kept--;
  }
  const writer = new EntryWriter(prepared, entry.labels !== null, entry);
  writer.start(kept + added.length);
  const incoming = added.map((c) => ({ id: c.id, indexes: writer.indexes(c) })).sort((a, b) => a.id - b.id);
  if (writer.labelSets() > maxLabelSets) return null;
  // Where each written id came from in the old entry (-1: added), to carry its priorities over.
  const from = new Int32Array(kept + added.length);
  let j = 0;
  let a = 0;
  const putAdded = () => {
    writer.push(incoming[a].id, ...incoming[a].indexes);
    from[j++] = -1;
    a++;
  };
  for (let i = 0, c = 0; i < entry.ids.length; i++) {
    const id = entry.ids[i];
    while (c < gone.length && gone[c] < id) c++;
    if (gone[c] === id) continue;
    while (a < incoming.length && incoming[a].id < id) putAdded();
    writer.push(id, entry.strata ? entry.strata.of[i] : 0, entry.labels ? entry.labels.of[i] : 0);
    from[j++] = i;
  }
  while (a < incoming.length) putAdded();
  const priorities = new Map<string, Float64Array>();
  for (const [seed, old] of entry.priorities) {
    const list = new Float64Array(from.length);
    for (let k = 0; k < from.length; k++)
      list[k] = from[k] === -1 ? samplePriority(seed, String(writer.ids[k])) : old[from[k]];
    priorities.set(seed, list);
  }
  return writer.entry(entry.key, xmin, priorities);
}
