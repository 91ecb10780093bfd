import "server-only";
import { db } from "@/lib/db";
import type { TCreateInvitationInput, TNewInvitation } from "@/lib/schemas/people";
import { badRequest, conflict, unprocessable } from "@/lib/server/errors";
import { INVITATION_DAYS, generateInvitationToken, invitationUrl } from "./invitation-token";

/**
 * A single-use link that lets its holder create the account for `email` (and join a project with a
 * role). No mail is sent: whoever made it hands the link over. Only the token's hash is stored.
 */
export async function createInvitation(
  createdById: string,
  input: TCreateInvitationInput,
  request: Request,
): Promise<TNewInvitation> {
  if (input.projectId && !input.role) {
    throw badRequest("An invitation into a project names a role.", [
      { path: "role", message: "is required with projectId" },
    ]);
  }
  if (input.role && !input.projectId) {
    throw badRequest("A role is given in a project.", [
      { path: "projectId", message: "is required with role" },
    ]);
  }
  if (await db.user.findUnique({ where: { email: input.email } })) {
    throw conflict("A user with that email exists: add them as a member instead.", [
      { path: "email", message: "already has an account" },
    ]);
  }
  if (input.projectId && !(await db.project.findUnique({ where: { id: input.projectId } }))) {
    throw unprocessable("No such project.", [{ path: "projectId", message: "no such project" }]);
  }
  const { token, tokenHash } = generateInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      tokenHash,
      email: input.email,
      isAdmin: input.isAdmin ?? false,
      projectId: input.projectId ?? null,
      role: input.role ?? null,
      createdById,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    },
  });
  return {
    id: invitation.id,
    email: invitation.email,
    url: invitationUrl(token, request),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
