// Test data for integration tests: every call makes rows with unique names, so test files can run
// in parallel against one database without stepping on each other.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import type { TProjectRole } from "@/lib/server/auth/project-access";

export const TEST_PASSWORD = "test-password-123";
let cachedHash: Promise<string> | undefined;

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createTestUser(options: { isAdmin?: boolean; name?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const name = options.name ?? uniqueName("user");
  const user = await db.user.create({
    data: {
      email: `${name}@example.com`,
      name,
      passwordHash: await cachedHash,
      isAdmin: options.isAdmin ?? false,
    },
  });
  const { token } = await createApiToken(user.id, "test");
  return { ...user, token };
}

export async function createTestProject(
  members: { userId: string; role: TProjectRole }[] = [],
  data: { overlap?: number; leaseSeconds?: number } = {},
) {
  const project = await db.project.create({ data: { name: uniqueName("project"), ...data } });
  for (const m of members)
    await db.membership.create({ data: { projectId: project.id, userId: m.userId, role: m.role } });
  return project;
}
