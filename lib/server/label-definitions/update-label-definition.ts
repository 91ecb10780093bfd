import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { normalizeDefinition } from "@/lib/label-definitions/definition-spec";
import { badRequest, notFound } from "@/lib/server/errors";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";
import { announceVersion } from "./announce-version";
import { hashSpec } from "./hash-spec";
import { serializeDefinitionVersion } from "./serialize-definition";

/**
 * Any change makes version n+1; earlier versions stay as they were (the database refuses to change
 * them). Sending the current definition again changes nothing and returns the current version.
 */
export async function updateLabelDefinition(
  projectId: string,
  key: string,
  input: TLabelDefinitionInput,
  userId: string,
): Promise<{ definition: TLabelDefinition; isNewVersion: boolean }> {
  if (input.key !== key)
    throw badRequest("The key cannot change.", [{ path: "key", message: `must be "${key}"` }]);
  const spec = normalizeDefinition(input);
  const hashes = hashSpec(spec);
  return db.$transaction(async (tx) => {
    // Row lock: two concurrent edits get versions n+1 and n+2, never two n+1.
    const locked = await tx.$queryRaw<{ id: string; kind: string; current_version: number }[]>`
      SELECT id, kind::text, current_version FROM label_definitions
       WHERE project_id = ${projectId}::uuid AND key = ${key} FOR UPDATE`;
    const definition = locked[0];
    if (!definition) throw notFound("Label definition");
    if (definition.kind !== spec.kind) {
      throw badRequest("The kind of a definition cannot change; create a new definition instead.", [
        { path: "kind", message: `must be "${definition.kind}"` },
      ]);
    }
    const current = await tx.labelDefinitionVersion.findUniqueOrThrow({
      where: { definitionId_version: { definitionId: definition.id, version: definition.current_version } },
      include: { createdBy: { select: { email: true } } },
    });
    if (current.specHash === hashes.specHash) {
      return { definition: serializeDefinitionVersion(current), isNewVersion: false };
    }
    const next = definition.current_version + 1;
    const version = await tx.labelDefinitionVersion.create({
      data: { definitionId: definition.id, version: next, spec, ...hashes, createdById: userId },
      include: { createdBy: { select: { email: true } } },
    });
    await tx.labelDefinition.update({ where: { id: definition.id }, data: { currentVersion: next } });
    await announceVersion(tx, { projectId, key, version: next, specHash: hashes.specHash, userId });
    return { definition: serializeDefinitionVersion(version), isNewVersion: true };
  });
}
