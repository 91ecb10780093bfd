import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { unprocessable } from "@/lib/server/errors";
import type { TAddMemberInput, TMember } from "@/lib/schemas/projects";
import { serializeMember } from "./serialize-member";
import { changeMemberRole } from "./update-member";

/**
 * Adds a user to a project, or changes their role when they are a member already: that goes through
 * changeMemberRole, the PATCH's own step, so the last lead stays a lead whichever way it is asked.
 */
export async function addMember(
  projectId: string,
  input: TAddMemberInput,
  actorId: string,
): Promise<TMember> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) throw unprocessable("No user has that email.", [{ path: "email", message: "no such user" }]);
  return withTransaction(async (client) => {
    const added = await client.query<{ created_at: Date }>(
      `INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, $3::"ProjectRole")
       ON CONFLICT (project_id, user_id) DO NOTHING RETURNING created_at`,
      [projectId, user.id, input.role],
    );
    if (!added.rowCount) return changeMemberRole(client, projectId, user.id, input.role, actorId);
    await recordAuditEvent(client, {
      projectId,
      actor: { id: actorId },
      action: "member.added",
      target: { type: "user", id: user.id },
      details: { email: user.email, role: input.role },
    });
    return serializeMember({ role: input.role, createdAt: added.rows[0].created_at }, user);
  });
}
