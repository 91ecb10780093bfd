import type { TAnnotatorAgreement, TPairCell } from "@/lib/schemas/agreement-detail";
import { MATRIX_SIZE } from "./annotator-report";
import { spanAgreement, type AnnotatorSpans, type Span } from "./span-agreement";

export const NO_SPAN = "(no matching span)";

const overlaps = (a: Span, b: Span) =>
  (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);

/**
 * Span agreement broken down by annotator: overlap F1 of every pair of annotators (micro-averaged
 * over the items both labelled, matching as `spanAgreement` does), of each annotator against the
 * others, per item, and a confusion table of entity labels: every overlapping pair of spans from
 * two annotators counts once under its two labels, and a span the other annotator did not overlap
 * at all counts under (label, NO_SPAN).
 */
export function spanAnnotatorReport(
  items: readonly (readonly AnnotatorSpans[])[],
  labels: readonly string[],
  display: (user: string, rank: number) => { id: string; name: string },
): {
  annotators: TAnnotatorAgreement[];
  matrix: { annotators: string[]; cells: TPairCell[] };
  confusion: { labels: string[]; counts: number[][] };
  itemF1: (number | null)[];
  shown: Map<string, { id: string; name: string }>;
} {
  const known = new Set(labels);
  const extra = new Set<string>();
  for (const item of items)
    for (const a of item) for (const sp of a.spans) if (!known.has(sp.label)) extra.add(sp.label);
  const categories = [...labels, ...[...extra].sort(), NO_SPAN];
  const index = new Map(categories.map((l, i) => [l, i]));
  const confusion = categories.map(() => new Array<number>(categories.length).fill(0));
  const cell = (label: string) => index.get(label)!;
  const users = new Map<string, { labels: number; shared: number; matched: number; total: number }>();
  const pairs = new Map<string, { a: string; b: string; matched: number; total: number; items: number }>();
  const itemF1 = items.map((item) => {
    for (const a of item) {
      const u = users.get(a.annotator) ?? { labels: 0, shared: 0, matched: 0, total: 0 };
      u.labels++;
      if (item.length >= 2) u.shared++;
      users.set(a.annotator, u);
    }
    if (item.length < 2) return null;
    let matched = 0;
    let total = 0;
    for (let x = 0; x < item.length; x++)
      for (let y = x + 1; y < item.length; y++) {
        const [A, B] = item[x].annotator < item[y].annotator ? [item[x], item[y]] : [item[y], item[x]];
        const t = A.spans.length + B.spans.length;
        const m = Math.round(((spanAgreement([[A, B]], "overlap").f1 ?? 0) * t) / 2);
        matched += m;
        total += t;
        for (const [u] of [[A.annotator], [B.annotator]]) {
          users.get(u)!.matched += m;
          users.get(u)!.total += t;
        }
        const key = `${A.annotator}\u0000${B.annotator}`;
        const pair = pairs.get(key) ?? { a: A.annotator, b: B.annotator, matched: 0, total: 0, items: 0 };
        pair.matched += m;
        pair.total += t;
        pair.items++;
        pairs.set(key, pair);
        for (const s of A.spans) {
          const hits = B.spans.filter((t2) => overlaps(s, t2));
          if (hits.length === 0) confusion[cell(s.label)][cell(NO_SPAN)]++;
          for (const h of hits) {
            const [i, j] = [cell(s.label), cell(h.label)];
            confusion[i][j]++;
            if (i !== j) confusion[j][i]++;
          }
        }
        for (const s of B.spans)
          if (!A.spans.some((t2) => overlaps(s, t2))) confusion[cell(s.label)][cell(NO_SPAN)]++;
      }
    return total === 0 ? null : (2 * matched) / total;
  });
  const ranked = [...users].sort((x, y) => y[1].labels - x[1].labels || (x[0] < y[0] ? -1 : 1));
  const shown = new Map(ranked.map(([u], i) => [u, display(u, i + 1)]));
  const top = new Set(ranked.slice(0, MATRIX_SIZE).map(([u]) => u));
  return {
    annotators: ranked.map(([u, s]) => ({
      ...shown.get(u)!,
      labels: s.labels,
      itemsShared: s.shared,
      agreement: s.total === 0 ? null : (2 * s.matched) / s.total,
      kappa: null,
    })),
    matrix: {
      annotators: ranked.slice(0, MATRIX_SIZE).map(([u]) => shown.get(u)!.id),
      cells: [...pairs.values()]
        .filter((p) => top.has(p.a) && top.has(p.b))
        .map((p) => ({
          a: shown.get(p.a)!.id,
          b: shown.get(p.b)!.id,
          items: p.items,
          kappa: null,
          agreement: p.total === 0 ? null : (2 * p.matched) / p.total,
        })),
    },
    confusion: { labels: categories, counts: confusion },
    itemF1,
    shown,
  };
}
