import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hashPassword } from "@/lib/server/auth/passwords";
import { conflict } from "@/lib/server/errors";
import type { TCreateUserInput, TUser } from "@/lib/schemas/users";
import { serializeUser } from "./serialize-user";

/** A new account. `actor` is the admin who made it; null when the command line did. */
export async function createUser(
  input: TCreateUserInput,
  actor: { id: string; name: string } | null = null,
): Promise<TUser> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing)
    throw conflict("A user with that email exists.", [{ path: "email", message: "already taken" }]);
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, isAdmin: input.role === "admin" },
    });
    await recordAuditEvent(tx, {
      projectId: null,
      actor,
      action: "user.created",
      target: { type: "user", id: created.id },
      details: { email: created.email, isAdmin: created.isAdmin },
    });
    return created;
  });
  return serializeUser(user);
}
