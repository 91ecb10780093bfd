import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forgetCachedCallers } from "@/lib/server/auth/caller-cache";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound } from "@/lib/server/errors";

/** Revokes one of the user's own tokens; another user's token id is a 404, as if it did not exist. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const count = await withTransaction(async (client) => {
    const { rows } = await client.query<{ name: string; prefix: string }>(
      `UPDATE api_tokens SET revoked_at = now()
        WHERE id = $1::uuid AND user_id = $2 AND revoked_at IS NULL RETURNING name, prefix`,
      [tokenId, userId],
    );
    for (const token of rows) {
      await recordAuditEvent(client, {
        projectId: null,
        actor: { id: userId },
        action: "token.revoked",
        target: { type: "api_token", id: tokenId },
        details: { name: token.name, prefix: token.prefix },
      });
    }
    return rows.length;
  });
  if (count > 0) {
    // Other processes hear the trigger's notification; this one forgets at once.
    forgetCachedCallers();
  } else {
    const exists = await db.apiToken.count({ where: { id: tokenId, userId } });
    if (!exists) throw notFound("Token");
  }
}
