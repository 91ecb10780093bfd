import "server-only";
import { db } from "@/lib/db";
import type { TProjectOverview } from "@/lib/schemas/projects";

export async function getProjectOverview(projectId: string): Promise<TProjectOverview> {
  const [items, batches, definitions, roles] = await Promise.all([
    // The batches carry their item counts, so the overview never counts item rows.
    db.batch.aggregate({ where: { projectId }, _sum: { itemCount: true } }),
    db.batch.count({ where: { projectId } }),
    db.labelDefinition.count({ where: { projectId } }),
    db.membership.groupBy({ by: ["role"], where: { projectId }, _count: { _all: true } }),
  ]);
  return {
    items: items._sum.itemCount ?? 0,
    batches,
    definitions,
    members: Object.fromEntries(roles.map((r) => [r.role, r._count._all])),
  };
}
