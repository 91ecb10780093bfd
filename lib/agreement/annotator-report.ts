import type { TAnnotatorAgreement, TPairCell } from "@/lib/schemas/agreement-detail";
import { agreementFromConfusion, kappaFromConfusion } from "./pair-kappa";
import type { RatingValue } from "./types";

/** Annotators shown in the pairwise matrix: the most active ones. */
export const MATRIX_SIZE = 12;

export type TPairCounts = { a: string; b: string; va: number; vb: number; items: number };
export type TUserCounts = { user: string; labels: number; shared: number };

/**
 * Each annotator against the others, and a matrix of annotator pairs, from pair counts (how many
 * items annotator a labelled value va while annotator b labelled vb). Kappa is Cohen's, computed
 * as `cohensKappa` would on the paired label lists (linear weights for ratings); an annotator's
 * kappa "against the others" pools all their pairs into one table. `display` gives the id and
 * name to show (a pseudonym for viewers who may not see who labelled what).
 */
export function annotatorReport(
  pairs: readonly TPairCounts[],
  users: readonly TUserCounts[],
  values: readonly RatingValue[],
  options: {
    weights?: "linear";
    withKappa: boolean;
    display: (user: string, rank: number) => { id: string; name: string };
  },
): {
  annotators: TAnnotatorAgreement[];
  matrix: { annotators: string[]; cells: TPairCell[] };
  shown: Map<string, { id: string; name: string }>;
} {
  const V = values.length;
  const table = () => Array.from({ length: V }, () => new Array<number>(V).fill(0));
  // Who is shown first: only the top annotators' pairs are kept pair by pair (12,000 pair rows at
  // 1,000,000 items, of which the matrix shows a few hundred); everyone's are pooled.
  const ranked = [...users].sort((x, y) => y.labels - x.labels || (x.user < y.user ? -1 : 1));
  const top = new Set(ranked.slice(0, MATRIX_SIZE).map((u) => u.user));
  const pooled = new Map<string, number[][]>();
  const tableOf = (u: string) => {
    let counts = pooled.get(u);
    if (!counts) pooled.set(u, (counts = table()));
    return counts;
  };
  const byPair = new Map<string, { a: string; b: string; counts: number[][]; items: number }>();
  for (const p of pairs) {
    tableOf(p.a)[p.va][p.vb] += p.items;
    tableOf(p.b)[p.vb][p.va] += p.items;
    if (!top.has(p.a) || !top.has(p.b)) continue;
    const key = `${p.a}\u0000${p.b}`;
    let pair = byPair.get(key);
    if (!pair) byPair.set(key, (pair = { a: p.a, b: p.b, counts: table(), items: 0 }));
    pair.counts[p.va][p.vb] += p.items;
    pair.items += p.items;
  }
  const kappa = (counts: number[][]) =>
    options.withKappa ? kappaFromConfusion(counts, values, options.weights) : null;
  const shown = new Map(ranked.map((u, i) => [u.user, options.display(u.user, i + 1)]));
  const annotators = ranked.map((u) => {
    const counts = pooled.get(u.user);
    return {
      ...shown.get(u.user)!,
      labels: u.labels,
      itemsShared: u.shared,
      agreement: counts ? agreementFromConfusion(counts) : null,
      kappa: counts ? kappa(counts) : null,
    };
  });
  const cells: TPairCell[] = [];
  for (const pair of byPair.values()) {
    cells.push({
      a: shown.get(pair.a)!.id,
      b: shown.get(pair.b)!.id,
      items: pair.items,
      kappa: kappa(pair.counts),
      agreement: agreementFromConfusion(pair.counts),
    });
  }
  return {
    annotators,
    matrix: { annotators: ranked.slice(0, MATRIX_SIZE).map((u) => shown.get(u.user)!.id), cells },
    shown,
  };
}
