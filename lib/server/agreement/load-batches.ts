import "server-only";

export type TBatchInfo = { id: string; name: string; createdAt: string };

/** The project's ($1) batches that hold items, with their first item (`lo`: the order they are shown in). */
export const BATCHES_SQL = `SELECT b.id, b.name, b.created_at, r.lo
       FROM batches b CROSS JOIN LATERAL (SELECT min(i.id) AS lo FROM items i WHERE i.batch_id = b.id) r
      WHERE b.project_id = $1 AND r.lo IS NOT NULL`;

export type TBatchRow = { id: string; name: string; created_at: Date | string };

export function batchesFromRows(rows: readonly TBatchRow[]): { batches: TBatchInfo[] } {
  return {
    batches: rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() })),
  };
}
