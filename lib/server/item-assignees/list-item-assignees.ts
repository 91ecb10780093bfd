import "server-only";
import { getPool } from "@/lib/db";
import type { TItemReservations } from "@/lib/schemas/people";

/** How many of the project's items are reserved, and for each named annotator how many are theirs. */
export async function listItemAssignees(projectId: string): Promise<TItemReservations> {
  const client = getPool();
  const [reserved, annotators] = await Promise.all([
    client.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE project_id = $1 AND reserved`, [
      projectId,
    ]),
    client.query<{ user_id: string; email: string; name: string; items: number }>(
      `SELECT x.user_id, u.email, u.name, count(*)::int AS items
         FROM item_assignees x JOIN users u ON u.id = x.user_id
        WHERE x.project_id = $1 GROUP BY x.user_id, u.email, u.name ORDER BY u.email`,
      [projectId],
    ),
  ]);
  return {
    reservedItems: reserved.rows[0].n,
    annotators: annotators.rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      name: r.name,
      items: r.items,
    })),
  };
}
