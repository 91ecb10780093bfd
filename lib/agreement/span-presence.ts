import { bootstrapAlphaFromItemValueCounts } from "./bootstrap";
import { BOOTSTRAP_DRAWS, BOOTSTRAP_SEED, type TEstimate } from "./pattern-alpha";
import type { AnnotatorSpans, Span } from "./span-agreement";
import { ratioWithInterval } from "./span-items";

/**
 * The character offsets a set of spans covers, labels ignored. An annotator "marked something" when
 * this set is not empty: the same test for the character F1, the share of pairs that both marked
 * nothing and the alpha of marked / nothing, so the three figures never disagree about who marked.
 */
export function markedOffsets(spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let c = s.start; c < s.end; c++) out.add(c);
  return out;
}

/**
 * SemEval-2021 Task 5's F1 between two annotators' character offsets: 1 when both marked nothing,
 * 0 when only one did, else 2 |A ∩ B| / (|A| + |B|). Symmetric, so either may play the gold.
 */
export function charF1(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const c of a) if (b.has(c)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Per item: what the three "whether / where by character" figures are built from. */
export type TSpanPresenceStats = {
  /** Mean character F1 over the item's annotator pairs (0 for items with fewer than two annotators). */
  charF1: Float64Array;
  /** Annotator pairs on the item, and those in which neither marked anything. */
  pairs: Float64Array;
  bothEmpty: Float64Array;
  /** Annotators who marked something, and who marked nothing. */
  marked: Int32Array;
  nothing: Int32Array;
};

export function spanPresenceStats(items: readonly (readonly AnnotatorSpans[])[]): TSpanPresenceStats {
  const n = items.length;
  const out: TSpanPresenceStats = {
    charF1: new Float64Array(n),
    pairs: new Float64Array(n),
    bothEmpty: new Float64Array(n),
    marked: new Int32Array(n),
    nothing: new Int32Array(n),
  };
  items.forEach((item, i) => {
    const offsets = item.map((a) => markedOffsets(a.spans));
    for (const o of offsets) {
      if (o.size > 0) out.marked[i]++;
      else out.nothing[i]++;
    }
    let sum = 0;
    for (let x = 0; x < offsets.length; x++)
      for (let y = x + 1; y < offsets.length; y++) {
        out.pairs[i]++;
        if (offsets[x].size === 0 && offsets[y].size === 0) out.bothEmpty[i]++;
        sum += charF1(offsets[x], offsets[y]);
      }
    out.charF1[i] = out.pairs[i] > 0 ? sum / out.pairs[i] : 0;
  });
  return out;
}

/** SemEval-2021 Task 5's score: the item means of pairwise character F1, averaged over the items in `subset`. */
export function charF1ItemMacro(stats: TSpanPresenceStats, subset: readonly number[]): TEstimate {
  return ratioWithInterval(stats.charF1, new Float64Array(stats.charF1.length).fill(1), subset);
}

/** Share of the annotator pairs on the items in `subset` in which neither annotator marked anything. */
export function bothEmptyShare(stats: TSpanPresenceStats, subset: readonly number[]): TEstimate {
  let pairs = 0;
  let empty = 0;
  for (const i of subset) {
    pairs += stats.pairs[i];
    empty += stats.bothEmpty[i];
  }
  return { value: pairs === 0 ? null : empty / pairs, ci: null, items: subset.length };
}

/**
 * Nominal Krippendorff's alpha of "marked something / nothing", one rating per item and annotator,
 * with the bootstrap interval every alpha in the product gets (items resampled, same seed and draws).
 */
export function alphaAnySpan(stats: TSpanPresenceStats, subset: readonly number[]): TEstimate {
  const itemIds: number[] = [];
  const valueIdx: number[] = [];
  const counts: number[] = [];
  let unit = 0;
  for (const i of subset) {
    if (stats.marked[i] + stats.nothing[i] < 2) continue;
    for (const [v, c] of [stats.nothing[i], stats.marked[i]].entries())
      if (c > 0) {
        itemIds.push(unit);
        valueIdx.push(v);
        counts.push(c);
      }
    unit++;
  }
  if (unit === 0) return { value: null, ci: null, items: 0 };
  const result = bootstrapAlphaFromItemValueCounts(
    Int32Array.from(itemIds),
    Int32Array.from(valueIdx),
    Int32Array.from(counts),
    ["nothing", "marked"],
    "nominal",
    { seed: BOOTSTRAP_SEED, draws: BOOTSTRAP_DRAWS },
  );
  return { value: result.value, ci: result.ci, items: unit };
}
