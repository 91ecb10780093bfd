import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPageQuery } from "@/lib/schemas/people";
import type { TUser } from "@/lib/schemas/users";
import { serializeUser } from "./serialize-user";
import { userSearch } from "./user-search";

/**
 * Users by email, a page at a time; `q` matches part of a name or an email, ignoring case.
 * External annotators (imported labels only) are no accounts: they belong to their project.
 */
export async function listUsers(
  query: TPageQuery = { offset: 0, limit: 1000 },
): Promise<{ users: TUser[]; total: number }> {
  const where: Prisma.UserWhereInput = {
    externalProjectId: null,
    ...(query.q ? userSearch(query.q) : {}),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ email: "asc" }], skip: query.offset, take: query.limit }),
    db.user.count({ where }),
  ]);
  return { users: users.map(serializeUser), total };
}
