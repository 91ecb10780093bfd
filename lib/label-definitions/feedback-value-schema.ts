import { z } from "zod";
import type { TRankingSpec, TRubricSpec } from "./definition-spec";

/** A rubric value: criterion key -> integer score. */
export type TRubricValue = Record<string, number>;

/** The item an annotation is for; only `data` is read. */
type TItem = { data: Record<string, unknown> };

/** The responses a ranking orders: the item's field, when it is an array of strings. */
export function responsesOf(spec: TRankingSpec, data: Record<string, unknown>): string[] | null {
  const value = data[spec.responsesField];
  return Array.isArray(value) && value.every((r) => typeof r === "string") ? (value as string[]) : null;
}

/**
 * A ranking: one rank per response, aligned with the item's responses, 1 best, dense (tied
 * responses share a rank and the next rank follows on: [1, 2, 2, 3]); without ties a permutation.
 */
export function rankingSchema(spec: TRankingSpec, item: TItem | undefined) {
  const message = "must be an array of ranks, one per response (integers, 1 = best)";
  return z
    .array(z.number({ error: message }).int({ error: message }), { error: message })
    .superRefine((ranks, ctx) => {
      let count = ranks.length;
      if (item !== undefined) {
        const responses = responsesOf(spec, item.data);
        if (responses === null) {
          ctx.addIssue({
            code: "custom",
            message: `the item's field "${spec.responsesField}" is not an array of strings, so it cannot be ranked`,
          });
          return;
        }
        if (ranks.length !== responses.length) {
          ctx.addIssue({
            code: "custom",
            message: `ranks ${ranks.length} responses but the item has ${responses.length} in "${spec.responsesField}"`,
          });
          return;
        }
        count = responses.length;
      }
      const seen = new Set<number>();
      let outside = false;
      ranks.forEach((rank, index) => {
        if (rank < 1 || rank > count) {
          outside = true;
          ctx.addIssue({ code: "custom", path: [index], message: `rank ${rank} is outside 1..${count}` });
        } else if (seen.has(rank) && !spec.allowTies) {
          ctx.addIssue({
            code: "custom",
            path: [index],
            message: `rank ${rank} is given twice; ties are not allowed for "${spec.key}"`,
          });
        }
        seen.add(rank);
      });
      if (outside) return;
      const highest = Math.max(0, ...ranks);
      for (let r = 1; r <= highest; r++) {
        if (!seen.has(r)) {
          ctx.addIssue({
            code: "custom",
            message: `ranks must be dense (tied responses share a rank, the next rank follows on): rank ${r} is missing`,
          });
          return;
        }
      }
    });
}

/** A rubric: an integer in [min, max] for every criterion, no other keys. */
export function rubricSchema(spec: TRubricSpec) {
  const shape: Record<string, z.ZodType<number>> = {};
  for (const c of spec.criteria) {
    const message = `a score for criterion "${c.key}" must be an integer from ${c.min} to ${c.max}`;
    shape[c.key] = z
      .number({
        error: (issue) =>
          issue.input === undefined ? `a score for criterion "${c.key}" is required` : message,
      })
      .int({ error: message })
      .min(c.min, { error: message })
      .max(c.max, { error: message });
  }
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys")
        return `not a criterion of "${spec.key}": ${issue.keys.join(", ")}`;
      if (issue.code === "invalid_type")
        return `must be an object {<criterion key>: score} for the criteria of "${spec.key}"`;
      return undefined;
    },
  }) as z.ZodType<TRubricValue>;
}
