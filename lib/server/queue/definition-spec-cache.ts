import "server-only";
import type { Pool, PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/labels/definition-spec";

// Definition versions never change once written (a trigger guarantees it), so a process may keep
// them forever: the submit path then validates without asking the database for specs.
const cache = new Map<string, TLabelDefinitionSpec>();
const MAX_ENTRIES = 10_000;

/** The specs of the versions an item was served with ({key: version}), in the order of `versions`. */
export async function servedSpecs(
  db: Pool | PoolClient,
  projectId: string,
  versions: Record<string, number>,
): Promise<TLabelDefinitionSpec[]> {
  const keys = Object.keys(versions);
  const cacheKey = (key: string) => `${projectId}:${key}:${versions[key]}`;
  const missing = keys.filter((key) => !cache.has(cacheKey(key)));
  if (missing.length) {
    const { rows } = await db.query<{ key: string; spec: TLabelDefinitionSpec }>(
      `SELECT d.key, v.spec FROM label_definitions d
         JOIN jsonb_each_text($2::jsonb) served ON served.key = d.key
         JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = served.value::int
        WHERE d.project_id = $1`,
      [projectId, JSON.stringify(Object.fromEntries(missing.map((k) => [k, versions[k]])))],
    );
    if (cache.size > MAX_ENTRIES) cache.clear();
    for (const row of rows) cache.set(cacheKey(row.key), row.spec);
  }
  return keys
    .map((key) => cache.get(cacheKey(key)))
    .filter((s): s is TLabelDefinitionSpec => s !== undefined);
}
