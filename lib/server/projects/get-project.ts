import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { TProjectAccess } from "@/lib/server/auth/project-access";
import { notFound } from "@/lib/server/errors";
import type { TProject } from "@/lib/schemas/projects";
import { serializeProject } from "./serialize-project";

/**
 * Memoized for one server-component render (outside one, React's cache calls straight through):
 * the project layout and pages such as the items browser both read the project. Only its row is
 * shared; each caller's view of it still follows its own role.
 */
const projectRow = cache((projectId: string) => db.project.findUnique({ where: { id: projectId } }));

export async function getProject(access: TProjectAccess): Promise<TProject> {
  const project = await projectRow(access.projectId);
  if (!project) throw notFound("Project");
  return serializeProject(project, access.role);
}
