import "server-only";
import { checkPassword } from "@/lib/server/auth/check-password";
import { endSessions } from "@/lib/server/auth/end-sessions";
import { hashPassword } from "@/lib/server/auth/passwords";
import { badRequest, unauthorized } from "@/lib/server/errors";
import type { TChangePasswordInput } from "@/lib/schemas/users";
import type { TCaller } from "@/lib/server/auth/get-caller";

/**
 * The caller's new password, given their current one (checked, and throttled, as a sign-in is),
 * and the end of all their sessions. Returns the new session version, for the one session that
 * made the change to carry on with.
 */
export async function changeOwnPassword(
  caller: TCaller,
  input: TChangePasswordInput,
  address: string | null,
): Promise<number> {
  const user = await checkPassword(caller.email, input.currentPassword, address);
  if (!user || user.id !== caller.id) {
    throw badRequest("The current password is not right.", [
      { path: "currentPassword", message: "is not your current password" },
    ]);
  }
  const version = await endSessions(caller.id, { passwordHash: await hashPassword(input.newPassword) });
  if (version === null) throw unauthorized();
  return version;
}
