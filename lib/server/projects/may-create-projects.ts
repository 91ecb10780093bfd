import "server-only";
import { db } from "@/lib/db";
import type { TCaller } from "@/lib/server/auth/get-caller";

/** Admins, and users an admin lets create projects. Read fresh: the right is not in the cached caller. */
export async function mayCreateProjects(caller: TCaller): Promise<boolean> {
  if (caller.isAdmin) return true;
  const user = await db.user.findUnique({ where: { id: caller.id }, select: { canCreateProjects: true } });
  return user?.canCreateProjects ?? false;
}
