import "server-only";
import { db } from "@/lib/db";
import type { TCaller } from "@/lib/server/auth/get-caller";
import {
  isUuid,
  requireProjectRole,
  type TProjectAccess,
  type TProjectRole,
} from "@/lib/server/auth/project-access";
import { AppError, notFound } from "@/lib/server/errors";

export type TEvalSetRecord = {
  id: string;
  projectId: string;
  name: string;
  description: string;
  filter: unknown;
};

/**
 * The eval set, if the caller has one of `roles` in its project. Someone outside the project
 * learns nothing (404, as for a set that does not exist); a member without the role gets 403.
 */
export async function requireEvalSet(
  caller: TCaller,
  evalSetId: string,
  roles: readonly TProjectRole[],
): Promise<{ evalSet: TEvalSetRecord; access: TProjectAccess }> {
  if (!isUuid(evalSetId)) throw notFound("Eval set");
  const evalSet = await db.evalSet.findUnique({
    where: { id: evalSetId },
    select: { id: true, projectId: true, name: true, description: true, filter: true },
  });
  if (!evalSet) throw notFound("Eval set");
  try {
    return { evalSet, access: await requireProjectRole(caller, evalSet.projectId, roles) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound("Eval set");
    throw error;
  }
}
