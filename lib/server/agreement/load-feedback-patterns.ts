import "server-only";
import { criteriaOf, type TFeedbackGroups, type TValuePattern } from "@/lib/agreement/report-feedback";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { loadAnnotators } from "./load-annotators";
import type { TDefinitionWithVersions } from "./load-definitions";

type TRow = [number | null, string[], number];

/**
 * A ranking or rubric definition's current annotations, folded by SQL into item patterns (the
 * sorted JSON texts of an item's values) and counted (ADR 005): rows are distinct patterns, not
 * annotations. Raw SQL on this hot path for the same reason as load-definition-patterns.ts.
 */
export async function loadFeedbackPatterns(definition: TDefinitionWithVersions): Promise<TFeedbackGroups> {
  const annotators = loadAnnotators(definition.id);
  const rows = await withTransaction(async (client) => {
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query("SET LOCAL jit = off");
    const { rows } = await client.query<TRow>({
      // Per version, and over all versions (v NULL) unless a single version holds everything.
      text: `WITH iv AS MATERIALIZED (
               SELECT item_id, definition_version AS v, array_agg(value::text ORDER BY value::text) AS k
                 FROM annotations WHERE definition_id = $1 AND is_current AND value IS NOT NULL
                GROUP BY item_id, definition_version),
             multi AS (SELECT count(DISTINCT v) > 1 AS yes FROM iv)
             SELECT v, k, count(*)::int FROM iv GROUP BY v, k
             UNION ALL
             SELECT NULL, k, count(*)::int FROM (
               SELECT array_agg(x ORDER BY x) AS k FROM iv CROSS JOIN LATERAL unnest(iv.k) AS x
                WHERE (SELECT yes FROM multi) GROUP BY iv.item_id) u GROUP BY k`,
      values: [definition.id],
      rowMode: "array",
    });
    return rows;
  });
  const byVersion = new Map<number, TValuePattern[]>();
  let all: TValuePattern[] = [];
  const parsed = new Map<string, unknown>();
  const parse = (text: string) => {
    let v = parsed.get(text);
    if (v === undefined) parsed.set(text, (v = JSON.parse(text)));
    return v;
  };
  for (const [version, key, items] of rows) {
    const pattern = { values: key.map(parse), items };
    if (version === null) all.push(pattern);
    else {
      if (!byVersion.has(version)) byVersion.set(version, []);
      byVersion.get(version)!.push(pattern);
    }
  }
  const versions = [...byVersion.keys()].sort((a, b) => a - b);
  if (versions.length === 1) all = byVersion.get(versions[0])!;
  // Canonical pattern order: the same data gives the same bootstrap interval, whatever order SQL used.
  const order = (list: TValuePattern[]) => list.sort((a, b) => compareKeys(a.values, b.values));
  for (const list of byVersion.values()) order(list);
  if (versions.length > 1) order(all);
  return {
    versions,
    byVersion,
    all,
    annotators: await annotators,
    criteria: criteriaOf(definition.versions.map((v) => v.spec)),
  };
}

function compareKeys(a: unknown[], b: unknown[]): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
