import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TMembersQuery } from "@/lib/schemas/people";
import type { TMember } from "@/lib/schemas/projects";
import { userSearch } from "@/lib/server/users/user-search";
import { serializeMember } from "./serialize-member";

/** A project's members by role then email, a page at a time; `q` matches part of a name or email. */
export async function listMembers(
  projectId: string,
  query: TMembersQuery = { offset: 0, limit: 1000 },
): Promise<{ members: TMember[]; total: number }> {
  const where: Prisma.MembershipWhereInput = {
    projectId,
    ...(query.role ? { role: query.role } : {}),
    ...(query.q ? { user: userSearch(query.q) } : {}),
  };
  const [memberships, total] = await Promise.all([
    db.membership.findMany({
      where,
      include: { user: true },
      orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
      skip: query.offset,
      take: query.limit,
    }),
    db.membership.count({ where }),
  ]);
  return { members: memberships.map((m) => serializeMember(m, m.user)), total };
}
