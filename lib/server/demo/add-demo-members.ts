import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { ZProjectRole } from "@/lib/schemas/common";

/** Makes each demo account a member of the project in its role; existing memberships stay as they are. */
export async function addDemoMembers(
  projectId: string,
  members: readonly (readonly [userId: string, role: z.infer<typeof ZProjectRole>])[],
): Promise<void> {
  for (const [userId, role] of members) {
    await db.membership.upsert({
      where: { projectId_userId: { projectId, userId } },
      create: { projectId, userId, role },
      update: {},
    });
  }
}
