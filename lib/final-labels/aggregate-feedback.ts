import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

/**
 * The contract's default final value of a ranking: the responses ordered by their mean rank over
 * the item's annotations, 1 best; equal means share a rank, and ranks are dense. Means are compared
 * as fractions of integers, exactly.
 */
export function meanRankRanking(rankings: readonly (readonly number[])[]): number[] | null {
  if (rankings.length === 0) return null;
  const positions = Math.max(...rankings.map((r) => r.length));
  const sums = new Array<number>(positions).fill(0);
  const counts = new Array<number>(positions).fill(0);
  for (const r of rankings)
    for (let j = 0; j < r.length; j++) {
      sums[j] += r[j];
      counts[j]++;
    }
  // sum_a / count_a vs sum_b / count_b without division (a position nobody ranked goes last).
  const compare = (a: number, b: number) => {
    if (counts[a] === 0 || counts[b] === 0) return counts[b] - counts[a];
    return sums[a] * counts[b] - sums[b] * counts[a];
  };
  const order = Array.from({ length: positions }, (_, j) => j).sort((a, b) => compare(a, b) || a - b);
  const ranks = new Array<number>(positions);
  let rank = 0;
  order.forEach((j, i) => {
    if (i === 0 || compare(order[i - 1], j) !== 0) rank++;
    ranks[j] = rank;
  });
  return ranks;
}

/** The contract's default final value of a rubric: each criterion's lower median over the annotations. */
export function lowerMedianRubric(
  criteria: readonly { key: string }[],
  values: readonly Readonly<Record<string, number>>[],
): Record<string, number> | null {
  if (values.length === 0) return null;
  const out: Record<string, number> = {};
  for (const { key } of criteria) {
    const scores = values
      .map((v) => v[key])
      .filter((s) => Number.isInteger(s))
      .sort((a, b) => a - b);
    if (scores.length > 0) out[key] = scores[Math.floor((scores.length - 1) / 2)];
  }
  return out;
}

/** Rankings and rubrics resolve by aggregation (their answers rarely repeat exactly); null for other kinds. */
export function aggregateFeedback(
  spec: TLabelDefinitionSpec,
  values: readonly unknown[],
): { value: unknown } | null {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (spec.kind === "ranking")
    return { value: meanRankRanking(present.filter((v): v is number[] => Array.isArray(v))) };
  if (spec.kind === "rubric")
    return {
      value: lowerMedianRubric(
        spec.criteria,
        present.filter((v): v is Record<string, number> => typeof v === "object" && !Array.isArray(v)),
      ),
    };
  return null;
}
