import "server-only";
import { db } from "@/lib/db";
import type { TNewProjectInput, TProject } from "@/lib/schemas/projects";
import type { TCaller } from "@/lib/server/auth/get-caller";
import { conflict, forbidden, unprocessable } from "@/lib/server/errors";
import { mayCreateProjects } from "./may-create-projects";
import { serializeProject } from "./serialize-project";

/**
 * Admins create projects and may name a lead; a user an admin lets create projects becomes the lead
 * of each one they create (they could not open it otherwise).
 */
export async function createProject(caller: TCaller, input: TNewProjectInput): Promise<TProject> {
  const { leadEmail, ...data } = input;
  if (!caller.isAdmin) {
    if (!(await mayCreateProjects(caller)))
      throw forbidden("Only admins, and users an admin allows, can create projects.");
    if (leadEmail && leadEmail !== caller.email) {
      throw forbidden("You become the lead of the projects you create; an admin may name another lead.");
    }
  }
  const lead = leadEmail
    ? await db.user.findUnique({ where: { email: leadEmail } })
    : caller.isAdmin
      ? null
      : { id: caller.id };
  if (leadEmail && !lead) {
    throw unprocessable("No user has that email.", [{ path: "leadEmail", message: "no such user" }]);
  }
  const existing = await db.project.findUnique({ where: { name: data.name } });
  if (existing)
    throw conflict("A project with that name exists.", [{ path: "name", message: "already taken" }]);
  const project = await db.project.create({
    data: { ...data, ...(lead ? { memberships: { create: { userId: lead.id, role: "lead" } } } : {}) },
  });
  return serializeProject(project, caller.isAdmin ? "admin" : "lead");
}
