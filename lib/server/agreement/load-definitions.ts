import "server-only";
import { getPool } from "@/lib/db";
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

type TRow = {
  id: string;
  key: string;
  kind: TLabelKind;
  current_version: number;
  version: number | null;
  spec: TLabelDefinitionSpec | null;
  created_at: Date | null;
};

/**
 * The project's label definitions with every version's spec, in the project's order. Raw SQL, one
 * round trip (an include of the versions took two, one after the other): every agreement read
 * that the change stamp finds stale starts here.
 */
export async function loadDefinitions(projectId: string): Promise<TDefinitionWithVersions[]> {
  const { rows } = await getPool().query<TRow>(
    `SELECT d.id, d.key, d.kind::text AS kind, d.current_version, v.version, v.spec, v.created_at
       FROM label_definitions d
       LEFT JOIN label_definition_versions v ON v.definition_id = d.id
      WHERE d.project_id = $1
      ORDER BY d.position, d.created_at, d.key, v.version DESC`,
    [projectId],
  );
  const byId = new Map<string, TDefinitionWithVersions>();
  for (const row of rows) {
    let definition = byId.get(row.id);
    if (!definition) {
      definition = {
        id: row.id,
        key: row.key,
        kind: row.kind,
        title: row.spec?.title ?? row.key,
        currentVersion: row.current_version,
        versions: [],
      };
      byId.set(row.id, definition);
    }
    if (row.version !== null)
      definition.versions.push({
        version: row.version,
        spec: row.spec!,
        createdAt: row.created_at!.toISOString(),
      });
  }
  return [...byId.values()];
}
