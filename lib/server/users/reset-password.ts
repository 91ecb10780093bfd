import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forgetCachedCallers } from "@/lib/server/auth/caller-cache";
import { endSessions } from "@/lib/server/auth/end-sessions";
import { hashPassword } from "@/lib/server/auth/passwords";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { forbidden, notFound } from "@/lib/server/errors";
import type { TResetPasswordInput } from "@/lib/schemas/users";
import type { TCaller } from "@/lib/server/auth/get-caller";

/** An admin sets someone's password (they forgot it, or it leaked): all their sessions end. */
export async function resetPassword(
  caller: TCaller,
  userId: string,
  input: TResetPasswordInput,
): Promise<void> {
  if (!caller.isAdmin) throw forbidden("Only admins can reset passwords.");
  const passwordHash = await hashPassword(input.password);
  await withTransaction(async (client) => {
    const version = await endSessions(userId, { passwordHash, client });
    if (version === null) throw notFound("User");
    await recordAuditEvent(client, {
      projectId: null,
      actor: { id: caller.id, name: caller.name },
      action: "user.password_reset",
      target: { type: "user", id: userId },
    });
  });
  forgetCachedCallers();
}
