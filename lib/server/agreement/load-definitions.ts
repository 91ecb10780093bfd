import "server-only";
import { db } from "@/lib/db";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";

export type TDefinitionWithVersions = {
  id: string;
  key: string;
  kind: TLabelKind;
  title: string;
  currentVersion: number;
  /** Newest first. */
  versions: { version: number; spec: TLabelDefinitionSpec; createdAt: string }[];
};

/** The project's label definitions with every version's spec, in the project's order. */
export async function loadDefinitions(projectId: string): Promise<TDefinitionWithVersions[]> {
  const definitions = await db.labelDefinition.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
    include: {
      versions: { orderBy: { version: "desc" }, select: { version: true, spec: true, createdAt: true } },
    },
  });
  return definitions.map((d) => {
    const versions = d.versions.map((v) => ({
      version: v.version,
      spec: v.spec as unknown as TLabelDefinitionSpec,
      createdAt: v.createdAt.toISOString(),
    }));
    return {
      id: d.id,
      key: d.key,
      kind: d.kind,
      title: versions[0]?.spec.title ?? d.key,
      currentVersion: d.currentVersion,
      versions,
    };
  });
}
