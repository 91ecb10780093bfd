import "server-only";
import type { PoolClient } from "pg";
import type { TUpdateMemberInput } from "@/lib/schemas/people";
import type { TMember } from "@/lib/schemas/projects";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import { ensureAnotherLead } from "./lock-lead-count";

/** A member's new role; the last lead cannot step down. */
export async function updateMember(
  projectId: string,
  userId: string,
  input: TUpdateMemberInput,
  actorId: string,
): Promise<TMember> {
  return withTransaction((client) => changeMemberRole(client, projectId, userId, input.role, actorId));
}

/** The role change itself, in the caller's transaction: a PATCH, or adding someone who is a member. */
export async function changeMemberRole(
  client: PoolClient,
  projectId: string,
  userId: string,
  role: TMember["role"],
  actorId: string,
): Promise<TMember> {
  const previousRole = await ensureAnotherLead(client, projectId, userId, role);
  const { rows } = await client.query<{
    user_id: string;
    email: string;
    name: string;
    role: TMember["role"];
    disabled: boolean;
    created_at: Date;
  }>(
    `UPDATE memberships m SET role = $3::"ProjectRole" FROM users u
      WHERE m.project_id = $1 AND m.user_id = $2 AND u.id = m.user_id
      RETURNING m.user_id, u.email, u.name, m.role::text AS role, u.disabled_at IS NOT NULL AS disabled, m.created_at`,
    [projectId, userId, role],
  );
  const row = rows[0];
  if (!row) throw notFound("Member");
  if (previousRole !== role) {
    await recordAuditEvent(client, {
      projectId,
      actor: { id: actorId },
      action: "member.role_changed",
      target: { type: "user", id: userId },
      details: { email: row.email, role, previousRole },
    });
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}
