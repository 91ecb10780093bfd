import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { generateApiToken } from "@/lib/server/auth/api-tokens";
import { withTransaction } from "@/lib/server/db/with-transaction";

/** Creates a token for the user; the plain token is returned here once and stored only as a hash. */
export async function createApiToken(userId: string, name: string) {
  const { token, tokenHash, prefix } = generateApiToken();
  // A pg transaction, not Prisma's interactive one: that gives up after 2 s waiting for a
  // connection, and many sign-ins at once (a class starting to label) must queue, not fail.
  const id = await withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      "INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4) RETURNING id",
      [userId, name, tokenHash, prefix],
    );
    await recordAuditEvent(client, {
      projectId: null,
      actor: { id: userId },
      action: "token.created",
      target: { type: "api_token", id: rows[0].id },
      details: { name, prefix },
    });
    return rows[0].id;
  });
  return { token, id, name, prefix };
}
