import "server-only";
import { assertNoSecrets, type TAuditAction } from "@/lib/audit/audit-actions";
import { execInTx, type TTx } from "@/lib/server/db/tx-query";

export type TAuditEventInput = {
  /** null: an instance-wide event (a user, a token). */
  projectId: string | null;
  /** null: the system (a worker). Without a name, the user's current name is recorded. */
  actor: { id: string; name?: string } | null;
  action: TAuditAction;
  target: { type: string; id: string };
  /** What changed, for a reader; never a credential (checked). */
  details?: Record<string, unknown>;
};

const INSERT = `INSERT INTO audit_events (project_id, actor_id, actor_name, action, target_type, target_id, details)
                SELECT $1::uuid, $2::uuid, coalesce($3, (SELECT name FROM users WHERE id = $2::uuid)), $4, $5, $6, $7::jsonb`;

/**
 * Records one audit event in the caller's transaction, so the change and its record commit or
 * roll back together. Pass the transaction the change runs in: never the pool.
 */
export async function recordAuditEvent(tx: TTx, event: TAuditEventInput): Promise<void> {
  const details = event.details ?? {};
  assertNoSecrets(details);
  const args = [
    event.projectId,
    event.actor?.id ?? null,
    event.actor?.name ?? null,
    event.action,
    event.target.type,
    event.target.id,
    JSON.stringify(details),
  ];
  await execInTx(tx, INSERT, args);
}
