import "server-only";
import { db } from "@/lib/db";
import { forgetCachedCallers } from "@/lib/server/auth/caller-cache";
import { notFound } from "@/lib/server/errors";

/** Revokes one of the user's own tokens; another user's token id is a 404, as if it did not exist. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count > 0) {
    // Other processes hear the trigger's notification; this one forgets at once.
    forgetCachedCallers();
  } else {
    const exists = await db.apiToken.count({ where: { id: tokenId, userId } });
    if (!exists) throw notFound("Token");
  }
}
