import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { serializeDefinitionVersion } from "./serialize-definition";

/** The project's definitions at their current versions, in the order they were created. */
export async function listLabelDefinitions(projectId: string): Promise<TLabelDefinition[]> {
  const definitions = await db.labelDefinition.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
  });
  if (definitions.length === 0) return [];
  const versions = await db.labelDefinitionVersion.findMany({
    where: { OR: definitions.map((d) => ({ definitionId: d.id, version: d.currentVersion })) },
    include: { createdBy: { select: { email: true } } },
  });
  const byDefinition = new Map(versions.map((v) => [v.definitionId, v]));
  return definitions.map((d) => serializeDefinitionVersion(byDefinition.get(d.id)!));
}
