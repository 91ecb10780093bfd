import "server-only";
import { db } from "@/lib/db";
import type { TUpdateUserInput } from "@/lib/schemas/people";
import type { TUser } from "@/lib/schemas/users";
import type { TCaller } from "@/lib/server/auth/get-caller";
import { endSessions } from "@/lib/server/auth/end-sessions";
import { forgetCachedCallers } from "@/lib/server/auth/caller-cache";
import { conflict, notFound } from "@/lib/server/errors";
import { serializeUser } from "./serialize-user";

/**
 * An admin changes what a user may do. Disabling ends every session of the user (their session
 * version moves on) and the trigger on users tells every process to drop the callers it cached, so
 * their API tokens are refused from the next request on.
 */
export async function updateUser(caller: TCaller, userId: string, input: TUpdateUserInput): Promise<TUser> {
  if (userId === caller.id && (input.disabled === true || input.isAdmin === false)) {
    throw conflict("Admins cannot disable or demote themselves: ask another admin.", [
      { path: input.disabled === true ? "disabled" : "isAdmin", message: "cannot be changed on yourself" },
    ]);
  }
  const existing = await db.user.findUnique({ where: { id: userId } });
  if (!existing) throw notFound("User");
  const isDisabling = input.disabled === true && !existing.disabledAt;
  const user = await db.user.update({
    where: { id: userId },
    data: {
      isAdmin: input.isAdmin,
      canCreateProjects: input.canCreateProjects,
      name: input.name,
      disabledAt:
        input.disabled === undefined
          ? undefined
          : input.disabled
            ? (existing.disabledAt ?? new Date())
            : null,
    },
  });
  if (isDisabling) await endSessions(userId);
  else forgetCachedCallers();
  // endSessions moves only the session version, which the answer does not show.
  return serializeUser(user);
}
