import "server-only";
import { getPool } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import type { TWebhookDelivery } from "@/lib/schemas/webhooks";

/** The hook's messages, newest first, each with its latest attempt. */
export async function listWebhookDeliveries(
  projectId: string,
  hookId: string,
  limit: number,
): Promise<TWebhookDelivery[]> {
  const pool = getPool();
  const { rowCount } = await pool.query("SELECT 1 FROM webhooks WHERE id = $1 AND project_id = $2", [
    hookId,
    projectId,
  ]);
  if (!rowCount) throw notFound("Webhook");
  const { rows } = await pool.query<{
    id: string;
    event_id: string;
    event_type: string;
    created_at: Date;
    next_attempt_at: Date;
    attempts: number;
    delivered_at: Date | null;
    failed_at: Date | null;
    last_status: number | null;
    last_duration_ms: number | null;
    last_error: string | null;
  }>(
    `SELECT id::text, event_id, event_type, created_at, next_attempt_at, attempts, delivered_at, failed_at,
            last_status, last_duration_ms, last_error
       FROM webhook_outbox WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
    [hookId, limit],
  );
  return rows.map((r) => {
    const state = r.delivered_at ? "delivered" : r.failed_at ? "failed" : "pending";
    return {
      id: r.id,
      messageId: r.event_id,
      event: r.event_type,
      createdAt: r.created_at.toISOString(),
      state,
      attempts: r.attempts,
      responseStatus: r.last_status,
      responseMs: r.last_duration_ms,
      error: r.last_error,
      nextAttemptAt: state === "pending" ? r.next_attempt_at.toISOString() : null,
      deliveredAt: r.delivered_at?.toISOString() ?? null,
    };
  });
}
