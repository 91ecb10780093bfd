import "server-only";
import { getPool } from "@/lib/db";
import type { TBatchMapping } from "./pattern-sql";

export type TBatchInfo = { id: string; name: string; createdAt: string };

/**
 * The project's batches, and how the agreement query finds an item's batch. Imports insert a
 * batch's items in one go, so each batch is usually one range of item ids: when the ranges do not
 * overlap, an item's batch is the range its id falls in (width_bucket, no join with items); when
 * they do (concurrent imports), the query joins items. Either way the answer is exact.
 */
export async function loadBatches(
  projectId: string,
): Promise<{ batches: TBatchInfo[]; mapping: TBatchMapping }> {
  const { rows } = await getPool().query<{
    id: string;
    name: string;
    created_at: Date;
    lo: string;
    hi: string;
  }>(
    `SELECT b.id, b.name, b.created_at, r.lo::text, r.hi::text
       FROM batches b CROSS JOIN LATERAL (SELECT min(i.id) AS lo, max(i.id) AS hi FROM items i WHERE i.batch_id = b.id) r
      WHERE b.project_id = $1 AND r.lo IS NOT NULL
      ORDER BY r.lo`,
    [projectId],
  );
  const batches = rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
  const isDisjoint = rows.every((r, i) => i === 0 || BigInt(rows[i - 1].hi) < BigInt(r.lo));
  return {
    batches,
    mapping: isDisjoint
      ? { kind: "ranges", lows: rows.map((r) => r.lo) }
      : { kind: "join", ids: batches.map((b) => b.id) },
  };
}
