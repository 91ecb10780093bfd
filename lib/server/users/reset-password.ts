import "server-only";
import { endSessions } from "@/lib/server/auth/end-sessions";
import { hashPassword } from "@/lib/server/auth/passwords";
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
  const version = await endSessions(userId, { passwordHash: await hashPassword(input.password) });
  if (version === null) throw notFound("User");
}
