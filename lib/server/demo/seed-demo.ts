import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";

export const DEMO_PASSWORD = "concord-demo";
export const DEMO_PROJECT_NAME = "DynaSent sentiment (demo)";

export const DEMO_ACCOUNTS = [
  { email: "admin@concord.local", name: "Ada Admin", role: "admin" },
  { email: "lead@concord.local", name: "Lea Lead", role: "lead" },
  { email: "annotator@concord.local", name: "Ann Annotator", role: "annotator" },
  { email: "engineer@concord.local", name: "Eli Engineer", role: "engineer" },
] as const;

/**
 * Seeds the demo once: its accounts (one per role) and a project built from DynaSent round 2.
 * Idempotent: every step checks what is there, so a second `npm start` changes nothing.
 */
export async function seedDemo(log: (line: string) => void = () => undefined): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, passwordHash, isAdmin: account.role === "admin" },
      update: {},
    });
    users.set(account.email, user.id);
  }
  let project = await db.project.findUnique({ where: { name: DEMO_PROJECT_NAME } });
  if (!project) {
    project = await db.project.create({
      data: {
        name: DEMO_PROJECT_NAME,
        description:
          "Sentiment of short business reviews, from DynaSent round 2 (Potts, Wu, Geiger & Kiela), " +
          "https://github.com/cgpotts/dynasent, licensed CC BY 4.0. Five crowdworkers labeled each sentence.",
        instructions: "Read the sentence and choose the sentiment its writer expresses about the business.",
        overlap: 3,
      },
    });
    log(`created demo project "${project.name}"`);
  }
  for (const account of DEMO_ACCOUNTS) {
    if (account.role === "admin") continue;
    const userId = users.get(account.email)!;
    await db.membership.upsert({
      where: { projectId_userId: { projectId: project.id, userId } },
      create: { projectId: project.id, userId, role: account.role },
      update: {},
    });
  }
}
