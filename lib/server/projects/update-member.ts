import "server-only";
import type { TUpdateMemberInput } from "@/lib/schemas/people";
import type { TMember } from "@/lib/schemas/projects";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";
import { ensureAnotherLead } from "./lock-lead-count";

/** A member's new role; the last lead cannot step down. */
export async function updateMember(
  projectId: string,
  userId: string,
  input: TUpdateMemberInput,
): Promise<TMember> {
  return withTransaction(async (client) => {
    if (input.role !== "lead") await ensureAnotherLead(client, projectId, userId);
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
      [projectId, userId, input.role],
    );
    const row = rows[0];
    if (!row) throw notFound("Member");
    return {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabled: row.disabled,
      createdAt: row.created_at.toISOString(),
    };
  });
}
