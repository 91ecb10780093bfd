import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Users whose name or email contains `q`, ignoring case: the search of the users and members lists. */
export function userSearch(q: string): Prisma.UserWhereInput {
  return {
    OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }],
  };
}
