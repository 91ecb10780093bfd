import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";
import { conflict } from "@/lib/server/errors";
import type { TCreateUserInput, TUser } from "@/lib/schemas/users";
import { serializeUser } from "./serialize-user";

export async function createUser(input: TCreateUserInput): Promise<TUser> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing)
    throw conflict("A user with that email exists.", [{ path: "email", message: "already taken" }]);
  const user = await db.user.create({
    data: {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.role === "admin",
    },
  });
  return serializeUser(user);
}
