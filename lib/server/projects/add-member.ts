import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { unprocessable } from "@/lib/server/errors";
import type { TAddMemberInput, TMember } from "@/lib/schemas/projects";
import { serializeMember } from "./serialize-member";

/** Adds a user to a project, or changes their role when they are a member already. */
export async function addMember(
  projectId: string,
  input: TAddMemberInput,
  actorId: string,
): Promise<TMember> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) throw unprocessable("No user has that email.", [{ path: "email", message: "no such user" }]);
  const membership = await db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({
      where: { projectId_userId: { projectId, userId: user.id } },
      select: { role: true },
    });
    const row = await tx.membership.upsert({
      where: { projectId_userId: { projectId, userId: user.id } },
      create: { projectId, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    if (before?.role !== input.role) {
      await recordAuditEvent(tx, {
        projectId,
        actor: { id: actorId },
        action: before ? "member.role_changed" : "member.added",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: input.role, ...(before ? { previousRole: before.role } : {}) },
      });
    }
    return row;
  });
  return serializeMember(membership, user);
}
