import "server-only";
import { getPool } from "@/lib/db";

/**
 * A cheap fingerprint of everything agreement depends on in a project: the newest annotation id
 * (annotations are append-only: a new label or a revision adds a row), the definitions and their
 * current versions, and the batches. Raw SQL: one round trip on every dashboard load; the max id
 * comes from the (project_id, id) index.
 */
export async function getChangeStamp(projectId: string): Promise<string> {
  const { rows } = await getPool().query<{ stamp: string }>(
    `SELECT concat_ws('/',
       (SELECT max(id) FROM annotations WHERE project_id = $1),
       (SELECT string_agg(id::text || ':' || current_version, ',' ORDER BY id) FROM label_definitions WHERE project_id = $1),
       (SELECT count(*) FROM batches WHERE project_id = $1)) AS stamp`,
    [projectId],
  );
  return rows[0].stamp;
}
