import "server-only";
import { db } from "@/lib/db";
import type { TEvalSet } from "@/lib/schemas/eval-sets";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/** A project's eval sets, by name. */
export async function listEvalSets(projectId: string): Promise<TEvalSet[]> {
  const rows = await db.evalSet.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    select: EVAL_SET_SELECT,
  });
  return rows.map(serializeEvalSet);
}
