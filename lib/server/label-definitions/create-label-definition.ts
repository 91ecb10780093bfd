import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { conflict } from "@/lib/server/errors";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { announceVersion } from "./announce-version";
import { hashSpec } from "./hash-spec";
import { serializeDefinitionVersion } from "./serialize-definition";

/** A new definition and its version 1, in one transaction. */
export async function createLabelDefinition(
  projectId: string,
  input: TLabelDefinitionInput,
  userId: string,
): Promise<TLabelDefinition> {
  const spec = normalizeDefinition(input);
  const hashes = hashSpec(spec);
  return db.$transaction(async (tx) => {
    const existing = await tx.labelDefinition.findUnique({
      where: { projectId_key: { projectId, key: spec.key } },
    });
    if (existing)
      throw conflict(`A definition with key "${spec.key}" exists; PUT to it to make a new version.`, [
        { path: "key", message: "already taken" },
      ]);
    const position = await tx.labelDefinition.count({ where: { projectId } });
    const definition = await tx.labelDefinition.create({
      data: { projectId, key: spec.key, kind: spec.kind, currentVersion: 1, position },
    });
    const version = await tx.labelDefinitionVersion.create({
      data: { definitionId: definition.id, version: 1, spec, ...hashes, createdById: userId },
      include: { createdBy: { select: { email: true } } },
    });
    await announceVersion(tx, { projectId, key: spec.key, version: 1, specHash: hashes.specHash, userId });
    return serializeDefinitionVersion(version);
  });
}
