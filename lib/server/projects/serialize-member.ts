import "server-only";
import type { Membership, User } from "@/lib/generated/prisma/client";
import type { TMember } from "@/lib/schemas/projects";

export function serializeMember(
  membership: Pick<Membership, "role" | "createdAt">,
  user: Pick<User, "id" | "email" | "name" | "disabledAt">,
): TMember {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    disabled: user.disabledAt !== null,
    createdAt: membership.createdAt.toISOString(),
  };
}
