import "server-only";
import { db } from "@/lib/db";
import type { TProjectAccess } from "@/lib/server/auth/project-access";
import { notFound } from "@/lib/server/errors";
import type { TProject } from "@/lib/schemas/projects";
import { serializeProject } from "./serialize-project";

export async function getProject(access: TProjectAccess): Promise<TProject> {
  const project = await db.project.findUnique({ where: { id: access.projectId } });
  if (!project) throw notFound("Project");
  return serializeProject(project, access.role);
}
