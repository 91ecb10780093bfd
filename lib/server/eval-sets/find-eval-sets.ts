import "server-only";
import { db } from "@/lib/db";
import type { TCaller } from "@/lib/server/auth/get-caller";
import type { TEvalSet, TEvalSetsQuery } from "@/lib/schemas/eval-sets";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/**
 * Eval sets across the projects where the caller may read them (lead or engineer; admins: all),
 * optionally by exact name and project: how the CLI finds a set by its name.
 */
export async function findEvalSets(caller: TCaller, query: TEvalSetsQuery): Promise<TEvalSet[]> {
  const rows = await db.evalSet.findMany({
    where: {
      ...(query.name ? { name: query.name } : {}),
      ...(query.project ? { projectId: query.project } : {}),
      ...(caller.isAdmin
        ? {}
        : {
            project: {
              memberships: { some: { userId: caller.id, role: { in: ["lead", "engineer"] } } },
            },
          }),
    },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: EVAL_SET_SELECT,
  });
  return rows.map(serializeEvalSet);
}
