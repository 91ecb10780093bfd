import "server-only";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/server/errors";
import type { TCaller } from "./get-caller";

export type TProjectRole = "lead" | "annotator" | "engineer";
export type TProjectAccess = { projectId: string; role: TProjectRole | "admin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller's standing in a project. Someone who is not a member learns nothing (404, as if the
 * project did not exist); a member without one of the roles gets 403. Admins pass everywhere.
 */
export async function requireProjectRole(
  caller: TCaller,
  projectId: string,
  roles: readonly TProjectRole[],
): Promise<TProjectAccess> {
  if (!UUID.test(projectId)) throw notFound("Project");
  if (caller.isAdmin) {
    const exists = await db.project.count({ where: { id: projectId } });
    if (!exists) throw notFound("Project");
    return { projectId, role: "admin" };
  }
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: caller.id } },
  });
  if (!membership) throw notFound("Project");
  if (!roles.includes(membership.role))
    throw forbidden(`This needs the ${roles.join(" or ")} role in the project.`);
  return { projectId, role: membership.role };
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
