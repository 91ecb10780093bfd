import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";
import type { TUser } from "@/lib/schemas/users";
import { createUser } from "./create-user";
import { serializeUser } from "./serialize-user";

/** For the command line: makes the user an admin, creating them first if needed. */
export async function createAdmin(input: { email: string; password: string; name: string }): Promise<TUser> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (!existing) return createUser({ ...input, role: "admin" });
  const user = await db.user.update({
    where: { id: existing.id },
    data: { isAdmin: true, passwordHash: await hashPassword(input.password) },
  });
  return serializeUser(user);
}
