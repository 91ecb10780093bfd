import "server-only";
import type { PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

export type TServedDefinitionRow = { id: string; key: string; version: number; spec: TLabelDefinitionSpec };

/** The exact versions an assignment was served with ({key: version}), in display order. */
export async function loadServedDefinitions(
  client: PoolClient,
  projectId: string,
  versions: Record<string, number>,
): Promise<TServedDefinitionRow[]> {
  const { rows } = await client.query<TServedDefinitionRow>(
    `SELECT d.id, d.key, v.version, v.spec
       FROM label_definitions d
       JOIN jsonb_each_text($2::jsonb) served ON served.key = d.key
       JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = served.value::int
      WHERE d.project_id = $1
      ORDER BY d.position`,
    [projectId, JSON.stringify(versions)],
  );
  return rows;
}
