import "server-only";

/**
 * A cheap fingerprint of everything agreement depends on in a project ($1): the newest annotation
 * id (annotations are append-only: a new label or a revision adds a row), the definitions and their
 * current versions, and the batches. The max id comes from the (project_id, id) index. Read with
 * the analysis's inputs in one statement (load-stamped-inputs.ts).
 */
export const CHANGE_STAMP_SQL = `SELECT concat_ws('/',
       (SELECT max(id) FROM annotations WHERE project_id = $1),
       (SELECT string_agg(id::text || ':' || current_version, ',' ORDER BY id) FROM label_definitions WHERE project_id = $1),
       (SELECT count(*) FROM batches WHERE project_id = $1))`;
