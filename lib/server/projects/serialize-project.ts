import "server-only";
import type { Project } from "@/lib/generated/prisma/client";
import type { TProject } from "@/lib/schemas/projects";

export function serializeProject(project: Project, myRole?: TProject["myRole"]): TProject {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    instructions: project.instructions,
    overlap: project.overlap,
    leaseSeconds: project.leaseSeconds,
    conversationField: project.conversationField,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    createdAt: project.createdAt.toISOString(),
    ...(myRole ? { myRole } : {}),
    ...(myRole === "admin" || myRole === "lead" ? { hiddenFields: project.hiddenFields } : {}),
  };
}
