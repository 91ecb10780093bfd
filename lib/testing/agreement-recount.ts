import { expect } from "vitest";
import { getPool } from "@/lib/db";
import { flushAgreement } from "./flush-agreement";

// The agreement rollups against a recount from the annotations themselves (agreement-rollups and
// deferred-agreement-refresh integration tests): item patterns, the pattern log's sums, annotators.

/** Rows as sorted JSON lines, to compare two queries as multisets. */
async function lines(sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await getPool().query(sql, params);
  return rows.map((r) => JSON.stringify(r)).sort();
}

const RECOUNT_ITEMS = `
  SELECT a.definition_id, coalesce(a.definition_version, 0) AS v, a.item_id, count(*)::int AS ratings,
         jsonb_agg(a.value ORDER BY a.value::text) AS pattern,
         date_bin('7 days', max(a.created_at), TIMESTAMPTZ '2000-01-03 00:00:00+00') AS week, i.batch_id
    FROM annotations a JOIN items i ON i.id = a.item_id
   WHERE a.project_id = $1 AND a.is_current AND a.value IS NOT NULL
   GROUP BY GROUPING SETS ((a.definition_id, a.item_id, i.batch_id, a.definition_version), (a.definition_id, a.item_id, i.batch_id))`;

export async function expectRollupsEqualRecount(projectId: string) {
  await flushAgreement(projectId);
  const definitions = "SELECT id FROM label_definitions WHERE project_id = $1";
  const items = await lines(
    `SELECT definition_id, definition_version AS v, item_id, ratings, pattern, week, batch_id
       FROM agreement_item_patterns WHERE ratings > 0 AND definition_id IN (${definitions})`,
    [projectId],
  );
  expect(items.length).toBeGreaterThan(0);
  expect(items).toEqual(await lines(RECOUNT_ITEMS, [projectId]));
  const patterns = await lines(
    `SELECT definition_id, definition_version AS v, ratings, pattern, week, batch_id, sum(items)::int AS items
       FROM agreement_pattern_deltas WHERE definition_id IN (${definitions})
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(items) <> 0`,
    [projectId],
  );
  expect(patterns).toEqual(
    await lines(
      `SELECT definition_id, v, ratings, pattern, week, batch_id, count(*)::int AS items
         FROM (${RECOUNT_ITEMS}) r GROUP BY 1, 2, 3, 4, 5, 6`,
      [projectId],
    ),
  );
  const annotators = await lines(
    `SELECT definition_id, definition_version, user_id, ratings FROM agreement_annotators
      WHERE ratings <> 0 AND definition_id IN (${definitions})`,
    [projectId],
  );
  expect(annotators).toEqual(
    await lines(
      `SELECT definition_id, definition_version, user_id, count(*)::int AS ratings FROM annotations
        WHERE project_id = $1 AND is_current AND value IS NOT NULL GROUP BY 1, 2, 3`,
      [projectId],
    ),
  );
}
