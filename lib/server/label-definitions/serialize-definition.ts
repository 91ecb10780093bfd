import "server-only";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelDefinition } from "@/lib/schemas/label-definitions";

type TVersionRow = {
  definitionId: string;
  version: number;
  spec: unknown;
  specHash: string;
  guidelinesHash: string;
  createdAt: Date;
  createdBy?: { email: string } | null;
};

export function serializeDefinitionVersion(row: TVersionRow): TLabelDefinition {
  const spec = row.spec as TLabelDefinitionSpec;
  return {
    definitionId: row.definitionId,
    key: spec.key,
    kind: spec.kind,
    version: row.version,
    title: spec.title,
    guidelines: spec.guidelines,
    required: spec.required,
    spec: spec as unknown as Record<string, unknown>,
    specHash: row.specHash,
    guidelinesHash: row.guidelinesHash,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy?.email ?? null,
  };
}
