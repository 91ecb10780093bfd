import "server-only";
import { db } from "@/lib/db";
import type { TInvitation } from "@/lib/schemas/people";
import { gone, notFound } from "@/lib/server/errors";
import { hashInvitationToken } from "./invitation-token";

/** What an open invitation offers; a used or expired one is 410, an unknown one 404. */
export async function getInvitation(token: string): Promise<TInvitation> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { project: { select: { name: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  if (invitation.acceptedAt || invitation.expiresAt <= new Date()) {
    throw gone("This invitation was used or has expired: ask for a new one.");
  }
  return {
    email: invitation.email,
    projectName: invitation.project?.name ?? null,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
