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

export type TDefinitionRow = {
  id: string;
  key: string;
  kind: TLabelKind;
  current_version: number;
  version: number | null;
  spec: TLabelDefinitionSpec | null;
  /** A Date from a row, a string from JSON. */
  created_at: Date | string | null;
};

/** A project's ($1) definitions, a row per version (or one without a version); ordered by DEFINITIONS_ORDER. */
export const DEFINITIONS_SQL = `SELECT d.id, d.key, d.kind::text AS kind, d.current_version, d.position,
            d.created_at AS definition_created_at, v.version, v.spec, v.created_at
       FROM label_definitions d
       LEFT JOIN label_definition_versions v ON v.definition_id = d.id
      WHERE d.project_id = $1`;
/** The project's order, versions newest first, over DEFINITIONS_SQL's columns. */
export const DEFINITIONS_ORDER = "position, definition_created_at, key, version DESC";

/** The project's label definitions with every version's spec, in the project's order: one round trip. */
export async function loadDefinitions(projectId: string): Promise<TDefinitionWithVersions[]> {
  const { rows } = await getPool().query<TDefinitionRow>(
    `SELECT * FROM (${DEFINITIONS_SQL}) d ORDER BY ${DEFINITIONS_ORDER}`,
    [projectId],
  );
  return definitionsFromRows(rows);
}

export function definitionsFromRows(rows: readonly TDefinitionRow[]): TDefinitionWithVersions[] {
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
        createdAt: new Date(row.created_at!).toISOString(),
      });
  }
  return [...byId.values()];
}
