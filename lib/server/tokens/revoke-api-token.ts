import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forgetCachedCallers } from "@/lib/server/auth/caller-cache";
import { notFound } from "@/lib/server/errors";

/** Revokes one of the user's own tokens; another user's token id is a 404, as if it did not exist. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const count = await db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateManyAndReturn({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { name: true, prefix: true },
    });
    for (const token of revoked) {
      await recordAuditEvent(tx, {
        projectId: null,
        actor: { id: userId },
        action: "token.revoked",
        target: { type: "api_token", id: tokenId },
        details: { name: token.name, prefix: token.prefix },
      });
    }
    return revoked.length;
  });
  if (count > 0) {
    // Other processes hear the trigger's notification; this one forgets at once.
    forgetCachedCallers();
  } else {
    const exists = await db.apiToken.count({ where: { id: tokenId, userId } });
    if (!exists) throw notFound("Token");
  }
}
