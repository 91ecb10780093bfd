import { krippendorffAlpha, krippendorffAlphaWithMetric } from "./krippendorff";
import type { Rating, RatingValue } from "./types";

/** One multi-label answer: the chosen options; `null` = not rated, `[]` = rated, nothing chosen. */
export type LabelSet = readonly string[];

/**
 * Nominal alpha per option, treating each option as its own yes/no question:
 * a rated cell answers "yes" when it contains the option and "no" otherwise
 * (so `[]` is "no" to every option); null cells stay unrated. Labels outside
 * `options` are ignored. Returns option -> alpha (null when undefined, e.g.
 * when everyone always or never picks the option).
 */
export function multiLabelAlphaPerOption(
  m: readonly (readonly (LabelSet | null)[])[],
  options: readonly string[],
): Record<string, number | null> {
  const sets = m.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? null : new Set(cell))),
  );
  const out: [string, number | null][] = [];
  for (const option of options) {
    const matrix: Rating[][] = sets.map((row) => row.map((s) => (s === null ? null : s.has(option) ? 1 : 0)));
    out.push([option, krippendorffAlpha(matrix, "nominal")]);
  }
  return Object.fromEntries(out);
}

/**
 * MASI distance (Passonneau 2006): 1 - J * M with J the Jaccard index and
 * M = 1 if the sets are identical, 2/3 if one is a subset of the other,
 * 1/3 if they overlap otherwise, 0 if disjoint. Duplicates are ignored; two
 * empty sets are identical (distance 0).
 */
export function masiDistance(a: LabelSet, b: LabelSet): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  const union = sa.size + sb.size - common;
  if (union === 0) return 0;
  let monotonicity: number;
  if (common === sa.size && common === sb.size) monotonicity = 1;
  else if (common === sa.size || common === sb.size) monotonicity = 2 / 3;
  else if (common > 0) monotonicity = 1 / 3;
  else monotonicity = 0;
  return 1 - (common / union) * monotonicity;
}

/** Canonical key of a label set: JSON of its sorted distinct labels. */
function setKey(s: LabelSet): string {
  return JSON.stringify([...new Set(s)].sort());
}

/**
 * Krippendorff's alpha over set-valued answers with the MASI distance as the
 * disagreement delta (used as is, like NLTK's `AnnotationTask(distance=masi_distance)`).
 * Sets are compared as sets (order and duplicates ignored). Returns null when
 * undefined (no item with two answers, or all answers the same set).
 */
export function masiAlpha(m: readonly (readonly (LabelSet | null)[])[]): number | null {
  const byKey = new Map<RatingValue, LabelSet>();
  const matrix: Rating[][] = m.map((row) =>
    row.map((cell) => {
      if (cell === null || cell === undefined) return null;
      const key = setKey(cell);
      if (!byKey.has(key)) byKey.set(key, cell);
      return key;
    }),
  );
  const lookup = (k: RatingValue): LabelSet => byKey.get(k) ?? [];
  return krippendorffAlphaWithMetric(matrix, {
    kind: "distance",
    distance: (a, b) => masiDistance(lookup(a), lookup(b)),
  });
}
