import "server-only";
import type { User } from "@/lib/generated/prisma/client";
import type { TUser } from "@/lib/schemas/users";

export function serializeUser(user: User): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    canCreateProjects: user.canCreateProjects,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
