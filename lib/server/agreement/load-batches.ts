import "server-only";
import { getPool } from "@/lib/db";

export type TBatchInfo = { id: string; name: string; createdAt: string };

/** The project's batches that hold items, in the order of their first item. */
export async function loadBatches(projectId: string): Promise<{ batches: TBatchInfo[] }> {
  const { rows } = await getPool().query<{
    id: string;
    name: string;
    created_at: Date;
  }>(
    `SELECT b.id, b.name, b.created_at
       FROM batches b CROSS JOIN LATERAL (SELECT min(i.id) AS lo FROM items i WHERE i.batch_id = b.id) r
      WHERE b.project_id = $1 AND r.lo IS NOT NULL
      ORDER BY r.lo`,
    [projectId],
  );
  const batches = rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
  return { batches };
}
