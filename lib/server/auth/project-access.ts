import "server-only";
import { getPool } from "@/lib/db";
import { forbidden, notFound } from "@/lib/server/errors";
import type { TProjectRole, TRole } from "@/lib/policies/access-rule";
import type { TCaller } from "./get-caller";

export type { TProjectRole };
export type TProjectAccess = { projectId: string; role: TRole };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project as one user stands in it: null when there is no such project, role null for a non-member. */
export type TProjectStanding = { role: TProjectRole | null } | null;

/**
 * The caller's standing in a project. Someone who is not a member learns nothing (404, as if the
 * project did not exist); a member without one of the roles gets 403. Admins pass everywhere.
 * `standingOf` is the lookup: pages pass one memoized for the request (layout and page both ask).
 */
export async function requireProjectRole(
  caller: TCaller,
  projectId: string,
  roles: readonly TProjectRole[],
  standingOf: (projectId: string, userId: string) => Promise<TProjectStanding> = loadProjectStanding,
): Promise<TProjectAccess> {
  if (!UUID.test(projectId)) throw notFound("Project");
  const standing = await standingOf(projectId, caller.id);
  if (!standing) throw notFound("Project");
  if (caller.isAdmin) return { projectId, role: "admin" };
  const role = standing.role;
  if (!role) throw notFound("Project");
  if (!roles.includes(role)) throw forbidden(`This needs the ${roles.join(" or ")} role in the project.`);
  return { projectId, role };
}

export async function loadProjectStanding(projectId: string, userId: string): Promise<TProjectStanding> {
  // Raw SQL, one round trip: every project route asks this first.
  const { rows } = await getPool().query<{ role: TProjectRole | null }>(
    `SELECT (SELECT m.role FROM memberships m WHERE m.project_id = p.id AND m.user_id = $2) AS role
       FROM projects p WHERE p.id = $1`,
    [projectId, userId],
  );
  return rows[0] ? { role: rows[0].role } : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
