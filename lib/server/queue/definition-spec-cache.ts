import "server-only";
import type { Pool, PoolClient } from "pg";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";

// Definition versions never change once written (a trigger guarantees it), so a process may keep
// them forever: the submit path then validates without asking the database for specs.
const cache = new Map<string, readonly TLabelDefinitionSpec[]>();
const MAX_ENTRIES = 10_000;

/**
 * The specs of the versions an item was served with ({key: version}), in the order of `versions`.
 * The same versions give the same array, so what is derived from it can be kept with it
 * (validate-values.ts keeps the values schema).
 */
export async function servedSpecs(
  db: Pool | PoolClient,
  projectId: string,
  versions: Record<string, number>,
): Promise<readonly TLabelDefinitionSpec[]> {
  const cacheKey = `${projectId}:${JSON.stringify(versions)}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const { rows } = await db.query<{ key: string; spec: TLabelDefinitionSpec }>(
    `SELECT d.key, v.spec FROM label_definitions d
       JOIN jsonb_each_text($2::jsonb) served ON served.key = d.key
       JOIN label_definition_versions v ON v.definition_id = d.id AND v.version = served.value::int
      WHERE d.project_id = $1`,
    [projectId, JSON.stringify(versions)],
  );
  const byKey = new Map(rows.map((row) => [row.key, row.spec]));
  const specs = Object.keys(versions)
    .map((key) => byKey.get(key))
    .filter((s): s is TLabelDefinitionSpec => s !== undefined);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(cacheKey, specs);
  return specs;
}
