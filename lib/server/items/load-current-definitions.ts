import "server-only";
import type { PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

export type TCurrentDefinition = { id: string; key: string; version: number; spec: TLabelDefinitionSpec };

/** The project's definitions at their current versions, by key: what imported labels are checked against. */
export async function loadCurrentDefinitions(
  client: PoolClient,
  projectId: string,
): Promise<Map<string, TCurrentDefinition>> {
  const { rows } = await client.query<TCurrentDefinition>(
    `SELECT d.id, d.key, d.current_version AS version, v.spec
       FROM label_definitions d
       JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = d.current_version
      WHERE d.project_id = $1
      ORDER BY d.position, d.key`,
    [projectId],
  );
  return new Map(rows.map((row) => [row.key, row]));
}
