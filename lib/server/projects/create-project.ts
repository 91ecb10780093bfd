import "server-only";
import { db } from "@/lib/db";
import { conflict } from "@/lib/server/errors";
import type { TCreateProjectInput, TProject } from "@/lib/schemas/projects";
import { serializeProject } from "./serialize-project";

export async function createProject(input: TCreateProjectInput): Promise<TProject> {
  const existing = await db.project.findUnique({ where: { name: input.name } });
  if (existing)
    throw conflict("A project with that name exists.", [{ path: "name", message: "already taken" }]);
  const project = await db.project.create({ data: input });
  return serializeProject(project, "admin");
}
