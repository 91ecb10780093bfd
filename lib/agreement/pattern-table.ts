import type { RatingValue } from "./types";
import { compareValues } from "./values";

/**
 * The distinct *patterns* of a set of items: an item's pattern is the multiset of values its
 * annotators gave (value index -> count). Every agreement statistic here depends on the items only
 * through how many items have each pattern, so a definition with a million annotations is a table
 * of a few dozen patterns plus, per group of items (a version, a week, a batch), a weight vector:
 * how many of the group's items have each pattern.
 */
export type TPatternTable = {
  /** The values, indexed by the entries below. */
  readonly values: readonly RatingValue[];
  readonly patternCount: number;
  /** CSR layout: pattern g owns entries entryStart[g] .. entryStart[g + 1] - 1, value ascending. */
  readonly entryStart: Int32Array;
  readonly entryValue: Int32Array;
  readonly entryCount: Int32Array;
  /** Ratings in each pattern (m_g). */
  readonly size: Int32Array;
};

/** Builds a pattern table, handing out one index per distinct multiset. */
export class PatternTableBuilder {
  private readonly index = new Map<string, number>();
  private readonly starts: number[] = [0];
  private readonly entryValues: number[] = [];
  private readonly entryCounts: number[] = [];
  private readonly sizes: number[] = [];

  constructor(private readonly values: readonly RatingValue[]) {}

  /** The index of the pattern with these (value index, count) entries; duplicates are summed, zero counts dropped. */
  add(entries: Iterable<readonly [number, number]>): number {
    const merged = new Map<number, number>();
    for (const [value, count] of entries) {
      if (!Number.isInteger(value) || value < 0 || value >= this.values.length)
        throw new Error(`value index ${value} is out of range`);
      if (!Number.isInteger(count) || count < 0)
        throw new Error(`counts must be non-negative integers; got ${count}`);
      if (count > 0) merged.set(value, (merged.get(value) ?? 0) + count);
    }
    const sorted = [...merged].sort((a, b) => a[0] - b[0]);
    const key = sorted.map(([v, c]) => `${v}:${c}`).join(",");
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const g = this.sizes.length;
    this.index.set(key, g);
    let size = 0;
    for (const [v, c] of sorted) {
      this.entryValues.push(v);
      this.entryCounts.push(c);
      size += c;
    }
    this.starts.push(this.entryValues.length);
    this.sizes.push(size);
    return g;
  }

  build(): TPatternTable {
    return {
      values: this.values,
      patternCount: this.sizes.length,
      entryStart: Int32Array.from(this.starts),
      entryValue: Int32Array.from(this.entryValues),
      entryCount: Int32Array.from(this.entryCounts),
      size: Int32Array.from(this.sizes),
    };
  }
}

/**
 * The table of some units' patterns and its weight vector: each unit is its (value index, count)
 * entries and how many items it stands for (units with no items are left out).
 */
export function weightedPatterns(
  values: readonly RatingValue[],
  units: Iterable<readonly [Iterable<readonly [number, number]>, number]>,
): { table: TPatternTable; weights: Float64Array } {
  const builder = new PatternTableBuilder(values);
  const weightOf = new Map<number, number>();
  for (const [entries, items] of units) {
    if (items <= 0) continue;
    const g = builder.add(entries);
    weightOf.set(g, (weightOf.get(g) ?? 0) + items);
  }
  const table = builder.build();
  const weights = new Float64Array(table.patternCount);
  for (const [g, w] of weightOf) weights[g] = w;
  return { table, weights };
}

/** The (value index, count) entries of pattern g. */
export function patternEntries(table: TPatternTable, g: number): [number, number][] {
  const out: [number, number][] = [];
  for (let e = table.entryStart[g]; e < table.entryStart[g + 1]; e++)
    out.push([table.entryValue[e], table.entryCount[e]]);
  return out;
}

/** Items (weighted) with at least two ratings: the ones agreement can be measured on. */
export function pairableItems(table: TPatternTable, weights: Float64Array): number {
  let n = 0;
  for (let g = 0; g < table.patternCount; g++) if (table.size[g] >= 2) n += weights[g];
  return n;
}

/** Items (weighted) with at least one rating, and the number of ratings they hold. */
export function itemAndRatingCounts(
  table: TPatternTable,
  weights: Float64Array,
): { items: number; ratings: number } {
  let items = 0;
  let ratings = 0;
  for (let g = 0; g < table.patternCount; g++) {
    if (table.size[g] === 0) continue;
    items += weights[g];
    ratings += weights[g] * table.size[g];
  }
  return { items, ratings };
}

/** How often each value was given, over all items (weighted), pairable or not. */
export function valueDistribution(table: TPatternTable, weights: Float64Array): Float64Array {
  const out = new Float64Array(table.values.length);
  for (let g = 0; g < table.patternCount; g++) {
    const w = weights[g];
    if (w === 0) continue;
    for (let e = table.entryStart[g]; e < table.entryStart[g + 1]; e++)
      out[table.entryValue[e]] += w * table.entryCount[e];
  }
  return out;
}

/**
 * Pairs of labels two different annotators gave the same item, counted once per pair of
 * annotators: cell [c][k] (= [k][c]) counts the pairs where one said c and the other k; the
 * diagonal counts agreeing pairs. An item with m ratings holds m (m - 1) / 2 pairs.
 */
export function labelPairCounts(table: TPatternTable, weights: Float64Array): number[][] {
  const V = table.values.length;
  const out = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (let g = 0; g < table.patternCount; g++) {
    const w = weights[g];
    if (w === 0 || table.size[g] < 2) continue;
    const start = table.entryStart[g];
    const end = table.entryStart[g + 1];
    for (let a = start; a < end; a++) {
      const c = table.entryValue[a];
      const nc = table.entryCount[a];
      out[c][c] += (w * nc * (nc - 1)) / 2;
      for (let b = a + 1; b < end; b++) {
        const k = table.entryValue[b];
        const pairs = w * nc * table.entryCount[b];
        out[c][k] += pairs;
        out[k][c] += pairs;
      }
    }
  }
  return out;
}

/**
 * Share of agreeing annotator pairs on each pattern: sum_c n_c (n_c - 1) / (m (m - 1)), or NaN
 * for a pattern with fewer than two ratings. Its weighted mean over items is `percentAgreement`.
 */
export function pairAgreementShares(table: TPatternTable): Float64Array {
  const out = new Float64Array(table.patternCount);
  for (let g = 0; g < table.patternCount; g++) {
    const m = table.size[g];
    if (m < 2) {
      out[g] = NaN;
      continue;
    }
    let agreeing = 0;
    for (let e = table.entryStart[g]; e < table.entryStart[g + 1]; e++) {
      const c = table.entryCount[e];
      agreeing += c * (c - 1);
    }
    out[g] = agreeing / (m * (m - 1));
  }
  return out;
}

/**
 * The table seen through a map of its values (e.g. "option x" vs "anything else"): patterns that
 * become the same multiset are merged. `patternMap[g]` is the new index of old pattern g; use
 * `mapWeights` to carry weight vectors over.
 */
export function deriveTable(
  table: TPatternTable,
  values: readonly RatingValue[],
  mapValue: (valueIndex: number) => number,
): { table: TPatternTable; patternMap: Int32Array } {
  const builder = new PatternTableBuilder(values);
  const patternMap = new Int32Array(table.patternCount);
  for (let g = 0; g < table.patternCount; g++) {
    const entries: [number, number][] = [];
    for (let e = table.entryStart[g]; e < table.entryStart[g + 1]; e++)
      entries.push([mapValue(table.entryValue[e]), table.entryCount[e]]);
    patternMap[g] = builder.add(entries);
  }
  return { table: builder.build(), patternMap };
}

export function mapWeights(
  weights: Float64Array,
  patternMap: Int32Array,
  patternCount: number,
): Float64Array {
  const out = new Float64Array(patternCount);
  for (let g = 0; g < patternMap.length; g++) out[patternMap[g]] += weights[g];
  return out;
}

/** Sums weight vectors of one table (e.g. several versions into "all versions"). */
export function addWeights(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(a.length, b.length));
  for (let g = 0; g < out.length; g++) out[g] = (a[g] ?? 0) + (b[g] ?? 0);
  return out;
}

/** A pattern's canonical key: its (value, count) entries ordered by value (`compareValues`), as JSON. */
export function patternKey(entries: readonly (readonly [RatingValue, number])[]): string {
  return JSON.stringify([...entries].sort((a, b) => compareValues(a[0], b[0])));
}

/**
 * The same table with its patterns in canonical order (by `patternKey`), so that results, and the
 * bootstrap's resampling in particular, do not depend on the order the patterns were met in (e.g.
 * the order SQL returned them): the same data always gives the same interval.
 */
export function sortPatterns(table: TPatternTable): { table: TPatternTable; patternMap: Int32Array } {
  const keys = Array.from({ length: table.patternCount }, (_, g) =>
    patternKey(patternEntries(table, g).map(([v, c]) => [table.values[v], c] as const)),
  );
  const order = keys.map((_, g) => g).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const builder = new PatternTableBuilder(table.values);
  const patternMap = new Int32Array(table.patternCount);
  for (const g of order) patternMap[g] = builder.add(patternEntries(table, g));
  return { table: builder.build(), patternMap };
}
