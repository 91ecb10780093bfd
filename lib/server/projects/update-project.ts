import "server-only";
import { db } from "@/lib/db";
import { allows } from "@/lib/policies/access-rule";
import { projectPolicy } from "@/lib/policies/projects";
import type { TProjectAccess } from "@/lib/server/auth/project-access";
import { conflict, forbidden } from "@/lib/server/errors";
import type { TProject, TUpdateProjectInput } from "@/lib/schemas/projects";
import { checkHiddenFields } from "./check-hidden-fields";
import { serializeProject } from "./serialize-project";

/** Leads edit their project's settings; archiving and unarchiving is an admin's call. */
export async function updateProject(access: TProjectAccess, input: TUpdateProjectInput): Promise<TProject> {
  const { archived, ...fields } = input;
  if (archived !== undefined && !allows(projectPolicy.archive, access.role))
    throw forbidden("Only an admin can archive a project.");
  if (fields.hiddenFields) await checkHiddenFields(access.projectId, fields.hiddenFields);
  if (fields.name) {
    const clash = await db.project.findFirst({ where: { name: fields.name, NOT: { id: access.projectId } } });
    if (clash)
      throw conflict("A project with that name exists.", [{ path: "name", message: "already taken" }]);
  }
  const project = await db.project.update({
    where: { id: access.projectId },
    data: { ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) },
  });
  return serializeProject(project, access.role);
}
