import "server-only";
import { db } from "@/lib/db";
import { unprocessable } from "@/lib/server/errors";
import type { TAddMemberInput, TMember } from "@/lib/schemas/projects";
import { serializeMember } from "./serialize-member";

/** Adds a user to a project, or changes their role when they are a member already. */
export async function addMember(projectId: string, input: TAddMemberInput): Promise<TMember> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  if (!user) throw unprocessable("No user has that email.", [{ path: "email", message: "no such user" }]);
  const membership = await db.membership.upsert({
    where: { projectId_userId: { projectId, userId: user.id } },
    create: { projectId, userId: user.id, role: input.role },
    update: { role: input.role },
  });
  return serializeMember(membership, user);
}
