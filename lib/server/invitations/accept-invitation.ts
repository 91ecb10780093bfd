import "server-only";
import type { TAcceptInvitationInput } from "@/lib/schemas/people";
import { hashPassword } from "@/lib/server/auth/passwords";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict, gone, notFound } from "@/lib/server/errors";
import { hashInvitationToken } from "./invitation-token";

type TInvitationRow = {
  id: string;
  email: string;
  is_admin: boolean;
  project_id: string | null;
  role: string | null;
  open: boolean;
};

/**
 * Creates the invited account, its membership, and marks the invitation used, in one transaction.
 * The invitation row is locked first, so of two concurrent accepts one creates the account and the
 * other finds the invitation used (410).
 */
export async function acceptInvitation(
  token: string,
  input: TAcceptInvitationInput,
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return withTransaction(async (client) => {
    const { rows } = await client.query<TInvitationRow>(
      `SELECT id, email, is_admin, project_id, role::text AS role,
              (accepted_at IS NULL AND expires_at > now()) AS open
         FROM invitations WHERE token_hash = $1 FOR UPDATE`,
      [hashInvitationToken(token)],
    );
    const invitation = rows[0];
    if (!invitation) throw notFound("Invitation");
    if (!invitation.open) throw gone("This invitation was used or has expired: ask for a new one.");
    const created = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, is_admin) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [invitation.email, input.name, passwordHash, invitation.is_admin],
    );
    const userId = created.rows[0]?.id;
    if (!userId) throw conflict("A user with that email exists: sign in instead.");
    if (invitation.project_id) {
      await client.query(
        `INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, $3::"ProjectRole")`,
        [invitation.project_id, userId, invitation.role],
      );
    }
    await client.query(`UPDATE invitations SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1`, [
      invitation.id,
      userId,
    ]);
    return { email: invitation.email };
  });
}
