import "server-only";
import { db } from "@/lib/db";
import { generateApiToken } from "@/lib/server/auth/api-tokens";

/** Creates a token for the user; the plain token is returned here once and stored only as a hash. */
export async function createApiToken(userId: string, name: string) {
  const { token, tokenHash, prefix } = generateApiToken();
  const row = await db.apiToken.create({ data: { userId, name, tokenHash, prefix } });
  return { token, id: row.id, name: row.name, prefix: row.prefix };
}
