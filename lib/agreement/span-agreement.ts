/** A labelled span; offsets are half-open: [start, end). */
export type Span = { start: number; end: number; label: string };

/** One annotator's spans on one item. */
export type AnnotatorSpans = { annotator: string; spans: readonly Span[] };

export type SpanAgreementResult = {
  /**
   * Micro-averaged pairwise F1 over all annotator pairs on all items:
   * 2 * sum(matched) / sum(|A| + |B|). null when no counted pair has a span.
   */
  f1: number | null;
  /** Same, restricted to the spans of each label seen in a counted pair. */
  perLabel: Record<string, number | null>;
  /** Number of annotator pairs counted (pairs on the same item). */
  pairs: number;
};

function validateSpan(s: Span): void {
  if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.end < s.start) {
    throw new Error(`Invalid span [${s.start}, ${s.end}) "${s.label}"`);
  }
}

function overlaps(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

/** Size of a maximum matching in the bipartite "overlaps" graph (Kuhn's augmenting paths). */
function maxOverlapMatching(as: readonly Span[], bs: readonly Span[]): number {
  const adjacency = as.map((a) => {
    const out: number[] = [];
    bs.forEach((b, j) => {
      if (overlaps(a, b)) out.push(j);
    });
    return out;
  });
  const matchOfB = new Int32Array(bs.length).fill(-1);
  let seen = new Uint8Array(bs.length);
  const augment = (i: number): boolean => {
    for (const j of adjacency[i]) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (matchOfB[j] === -1 || augment(matchOfB[j])) {
        matchOfB[j] = i;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < as.length; i++) {
    if (adjacency[i].length === 0) continue;
    seen = new Uint8Array(bs.length);
    if (augment(i)) matched++;
  }
  return matched;
}

/** Multiset intersection size on (start, end) — spans here share one label. */
function exactMatches(as: readonly Span[], bs: readonly Span[]): number {
  const counts = new Map<string, number>();
  for (const a of as) {
    const key = `${a.start}:${a.end}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let matched = 0;
  for (const b of bs) {
    const key = `${b.start}:${b.end}`;
    const c = counts.get(key) ?? 0;
    if (c > 0) {
      matched++;
      counts.set(key, c - 1);
    }
  }
  return matched;
}

function byLabel(spans: readonly Span[]): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const s of spans) {
    validateSpan(s);
    const list = out.get(s.label);
    if (list) list.push(s);
    else out.set(s.label, [s]);
  }
  return out;
}

/**
 * Pairwise span agreement between annotators.
 *
 * `annotations[i]` lists the annotators' span sets on item i; items with fewer
 * than two annotators are skipped, and an annotator listed twice on one item
 * throws. For every pair of annotators on an item, spans are matched within
 * each label:
 * - "exact": same start, end and label (multiset intersection);
 * - "overlap": same label and intersecting half-open ranges
 *   (start_a < end_b && start_b < end_a; identical empty spans also match).
 *   Each span is matched at most once, using a maximum bipartite matching
 *   (not greedy), so the count is optimal and symmetric in the two annotators.
 *
 * F1 of a pair is 2 * matched / (|A| + |B|) (symmetric: precision and recall
 * swap). Results are micro-averaged: matched and span totals are summed over
 * all pairs and items before dividing. Pairs where neither annotator marked a
 * span add nothing (they count in `pairs` only).
 */
export function spanAgreement(
  annotations: readonly (readonly AnnotatorSpans[])[],
  mode: "exact" | "overlap",
): SpanAgreementResult {
  const matchedByLabel = new Map<string, number>();
  const totalByLabel = new Map<string, number>();
  let pairs = 0;
  for (const item of annotations) {
    if (item.length < 2) continue;
    const names = new Set<string>();
    for (const a of item) {
      if (names.has(a.annotator)) throw new Error(`Annotator "${a.annotator}" appears twice on one item`);
      names.add(a.annotator);
    }
    const grouped = item.map((a) => byLabel(a.spans));
    for (let x = 0; x < grouped.length; x++) {
      for (let y = x + 1; y < grouped.length; y++) {
        pairs++;
        const labels = new Set<string>([...grouped[x].keys(), ...grouped[y].keys()]);
        for (const label of labels) {
          const as = grouped[x].get(label) ?? [];
          const bs = grouped[y].get(label) ?? [];
          const matched =
            as.length === 0 || bs.length === 0
              ? 0
              : mode === "exact"
                ? exactMatches(as, bs)
                : maxOverlapMatching(as, bs);
          matchedByLabel.set(label, (matchedByLabel.get(label) ?? 0) + matched);
          totalByLabel.set(label, (totalByLabel.get(label) ?? 0) + as.length + bs.length);
        }
      }
    }
  }
  let matchedAll = 0;
  let totalAll = 0;
  const perLabel: [string, number | null][] = [];
  for (const [label, total] of [...totalByLabel].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))) {
    const matched = matchedByLabel.get(label) ?? 0;
    matchedAll += matched;
    totalAll += total;
    perLabel.push([label, total === 0 ? null : (2 * matched) / total]);
  }
  return {
    f1: totalAll === 0 ? null : (2 * matchedAll) / totalAll,
    perLabel: Object.fromEntries(perLabel),
    pairs,
  };
}
