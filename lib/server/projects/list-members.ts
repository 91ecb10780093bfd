import "server-only";
import { db } from "@/lib/db";
import type { TMember } from "@/lib/schemas/projects";

export async function listMembers(projectId: string): Promise<TMember[]> {
  const memberships = await db.membership.findMany({
    where: { projectId },
    include: { user: true },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
  });
  return memberships.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    createdAt: m.createdAt.toISOString(),
  }));
}
