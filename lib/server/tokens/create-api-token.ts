import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { generateApiToken } from "@/lib/server/auth/api-tokens";

/** Creates a token for the user; the plain token is returned here once and stored only as a hash. */
export async function createApiToken(userId: string, name: string) {
  const { token, tokenHash, prefix } = generateApiToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId, name, tokenHash, prefix } });
    await recordAuditEvent(tx, {
      projectId: null,
      actor: { id: userId },
      action: "token.created",
      target: { type: "api_token", id: created.id },
      details: { name, prefix },
    });
    return created;
  });
  return { token, id: row.id, name: row.name, prefix: row.prefix };
}
