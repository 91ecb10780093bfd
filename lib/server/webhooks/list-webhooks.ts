import "server-only";
import { getPool } from "@/lib/db";
import type { TWebhook } from "@/lib/schemas/webhooks";

/** The project's hooks, with how many messages wait or were given up; never their secrets. */
export async function listWebhooks(projectId: string): Promise<TWebhook[]> {
  const { rows } = await getPool().query<{
    id: string;
    url: string;
    events: string[];
    created_at: Date;
    created_by_id: string | null;
    created_by_name: string | null;
    pending: number;
    failed: number;
  }>(
    `SELECT w.id, w.url, w.events, w.created_at, w.created_by_id, u.name AS created_by_name,
            (SELECT count(*)::int FROM webhook_outbox o
              WHERE o.webhook_id = w.id AND o.delivered_at IS NULL AND o.failed_at IS NULL) AS pending,
            (SELECT count(*)::int FROM webhook_outbox o
              WHERE o.webhook_id = w.id AND o.failed_at IS NOT NULL) AS failed
       FROM webhooks w LEFT JOIN users u ON u.id = w.created_by_id
      WHERE w.project_id = $1 ORDER BY w.created_at, w.id`,
    [projectId],
  );
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: r.events,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_id ? { id: r.created_by_id, name: r.created_by_name ?? "" } : null,
    pending: r.pending,
    failed: r.failed,
  }));
}
