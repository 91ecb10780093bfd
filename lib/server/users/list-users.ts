import "server-only";
import { db } from "@/lib/db";
import type { TUser } from "@/lib/schemas/users";
import { serializeUser } from "./serialize-user";

export async function listUsers(): Promise<TUser[]> {
  const users = await db.user.findMany({ orderBy: { email: "asc" }, take: 1000 });
  return users.map(serializeUser);
}
