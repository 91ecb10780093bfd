import "server-only";
import { db, getPool } from "@/lib/db";
import type { TProjectOverview } from "@/lib/schemas/projects";

export async function getProjectOverview(projectId: string): Promise<TProjectOverview> {
  const [items, batches, definitions, roles, open] = await Promise.all([
    // The batches carry their item counts, so the overview never counts item rows.
    db.batch.aggregate({ where: { projectId }, _sum: { itemCount: true } }),
    db.batch.count({ where: { projectId } }),
    db.labelDefinition.count({ where: { projectId } }),
    db.membership.groupBy({ by: ["role"], where: { projectId }, _count: { _all: true } }),
    // Open items only (the queue's partial index): done = all items - open ones.
    getPool().query<{ open: number; started: number }>(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE done_count + lease_count > 0)::int AS started
         FROM items WHERE project_id = $1 AND done_count + lease_count < target_count`,
      [projectId],
    ),
  ]);
  const total = items._sum.itemCount ?? 0;
  return {
    items: total,
    done: total - open.rows[0].open,
    inProgress: open.rows[0].started,
    batches,
    definitions,
    members: Object.fromEntries(roles.map((r) => [r.role, r._count._all])),
  };
}
