import "server-only";
import { db, getPool } from "@/lib/db";
import type { TEvalSet, TUpdateEvalSetInput } from "@/lib/schemas/eval-sets";
import { prepareFilter } from "./prepare-filter";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/** Renames a set or changes the filter of its next freeze; frozen versions keep their own filter. */
export async function updateEvalSet(
  evalSet: { id: string; projectId: string },
  input: TUpdateEvalSetInput,
): Promise<TEvalSet> {
  if (input.filter) await prepareFilter(getPool(), evalSet.projectId, input.filter);
  const row = await db.evalSet.update({
    where: { id: evalSet.id },
    data: { ...input, updatedAt: new Date() },
    select: EVAL_SET_SELECT,
  });
  return serializeEvalSet(row);
}
