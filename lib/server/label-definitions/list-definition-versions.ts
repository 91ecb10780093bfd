import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { serializeDefinitionVersion } from "./serialize-definition";

/** Every version of one definition, newest first. */
export async function listDefinitionVersions(projectId: string, key: string): Promise<TLabelDefinition[]> {
  const definition = await db.labelDefinition.findUnique({ where: { projectId_key: { projectId, key } } });
  if (!definition) throw notFound("Label definition");
  const versions = await db.labelDefinitionVersion.findMany({
    where: { definitionId: definition.id },
    orderBy: { version: "desc" },
    include: { createdBy: { select: { email: true } } },
  });
  return versions.map(serializeDefinitionVersion);
}
