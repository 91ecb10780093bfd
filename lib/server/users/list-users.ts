import "server-only";
import { db } from "@/lib/db";
import type { TUser } from "@/lib/schemas/users";
import { serializeUser } from "./serialize-user";

export async function listUsers(): Promise<TUser[]> {
  // External annotators (imported labels only) are no accounts: they belong to their project.
  const users = await db.user.findMany({
    where: { externalProjectId: null },
    orderBy: { email: "asc" },
    take: 1000,
  });
  return users.map(serializeUser);
}
