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
    // Open items (a free slot) and started ones, kept by triggers as a log of changes that this sums
    // (prisma/functions/item-states.sql): counting them in the queue's index grew with the open work.
    // Done = all items - open ones.
    getPool().query<{ open: number; started: number }>(
      "SELECT open_count AS open, started_count AS started FROM concord_item_state_counts($1)",
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
