import "server-only";
import { getPool } from "@/lib/db";

/** The annotator's own counts, and the items still open in the project (off the claim's hot path). */
export async function getQueueProgress(userId: string, projectId: string) {
  const pool = getPool();
  const [mine, open] = await Promise.all([
    pool.query<{ today: number; total: number }>(
      `SELECT count(*) FILTER (WHERE submitted_at >= date_trunc('day', now()))::int AS today, count(*)::int AS total
         FROM assignments WHERE project_id = $1 AND user_id = $2 AND status = 'submitted'`,
      [projectId, userId],
    ),
    pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM items
        WHERE project_id = $1 AND done_count + lease_count < target_count`,
      [projectId],
    ),
  ]);
  return { doneToday: mine.rows[0].today, doneTotal: mine.rows[0].total, remaining: open.rows[0].open };
}
