import "server-only";
import { getPool } from "@/lib/db";

/** How many of the newest items are read for their field names: enough for any real schema, and cheap. */
const SAMPLED_ITEMS = 500;

/** The data field names of the project's newest items, sorted: for pickers (hidden fields, filters). */
export async function listDataFields(projectId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ field: string }>(
    `SELECT DISTINCT k AS field
       FROM (SELECT data FROM items WHERE project_id = $1 ORDER BY id DESC LIMIT $2) s,
            jsonb_object_keys(CASE WHEN jsonb_typeof(s.data) = 'object' THEN s.data ELSE '{}'::jsonb END) k
      ORDER BY 1`,
    [projectId, SAMPLED_ITEMS],
  );
  return rows.map((r) => r.field);
}
