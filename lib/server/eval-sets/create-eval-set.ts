import "server-only";
import { db, getPool } from "@/lib/db";
import type { TCreateEvalSetInput, TEvalSet } from "@/lib/schemas/eval-sets";
import { prepareFilter } from "./prepare-filter";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/** A new eval set: a name and the filter its freezes will apply. Nothing is frozen yet. */
export async function createEvalSet(
  projectId: string,
  input: TCreateEvalSetInput,
  userId: string,
): Promise<TEvalSet> {
  await prepareFilter(getPool(), projectId, input.filter);
  const row = await db.evalSet.create({
    data: {
      projectId,
      name: input.name,
      description: input.description,
      filter: input.filter,
      createdById: userId,
    },
    select: EVAL_SET_SELECT,
  });
  return serializeEvalSet(row);
}
