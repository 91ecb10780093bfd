import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";
import { createLabelDefinition } from "@/lib/server/label-definitions/create-label-definition";
import { importItems } from "@/lib/server/items/import-items";
import { DYNASENT_DEV_FILE, SENTIMENT_DEFINITION, dynasentImportLines, readDynasent } from "./dynasent";
import { DEMO_OPEN_ITEMS, seedDemoAnnotations } from "./seed-demo-annotations";
import { seedDemoReview } from "./seed-demo-review";
import { seedDriftProject } from "./seed-drift-project";
import { seedHhProject } from "./seed-hh-project";
import { addDemoMembers } from "./add-demo-members";
import { ensureDemoProject } from "./ensure-demo-project";

export const DEMO_PASSWORD = "concord-demo";
export const DEMO_PROJECT_NAME = "DynaSent sentiment (demo)";

export const DEMO_ACCOUNTS = [
  { email: "admin@concord.local", name: "Ada Admin", role: "admin" },
  { email: "lead@concord.local", name: "Lea Lead", role: "lead" },
  { email: "annotator@concord.local", name: "Ann Annotator", role: "annotator" },
  { email: "engineer@concord.local", name: "Eli Engineer", role: "engineer" },
] as const;

/**
 * Seeds the demo once: its accounts (one per role), a project built from DynaSent round 2's dev
 * split with open items for the annotator, disagreements for the lead to adjudicate and a frozen
 * eval set for the engineer, a second project from its test split whose agreement drifts, and a
 * third of pairwise preferences on conversations from HH-RLHF, each pair with its real judgment.
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
  const project = await ensureDemoProject(
    {
      name: DEMO_PROJECT_NAME,
      description:
        "Sentiment of short business reviews, from DynaSent round 2 (Potts, Wu, Geiger & Kiela), " +
        "https://github.com/cgpotts/dynasent, licensed CC BY 4.0. Five crowdworkers labeled each sentence.",
      instructions: "Read the sentence and choose the sentiment its writer expresses about the business.",
      overlap: 5,
    },
    log,
  );
  const leadId = users.get("lead@concord.local")!;
  if ((await db.labelDefinition.count({ where: { projectId: project.id } })) === 0) {
    await createLabelDefinition(project.id, SENTIMENT_DEFINITION, leadId);
    log("created the demo label definition");
  }
  const records = await readDynasent(DYNASENT_DEV_FILE);
  if ((await db.batch.count({ where: { projectId: project.id } })) === 0) {
    const result = await importItems({
      projectId: project.id,
      userId: leadId,
      input: dynasentImportLines(records),
      format: "jsonl",
      batchName: "DynaSent round 2 dev",
      sourceFileName: DYNASENT_DEV_FILE,
    });
    log(`imported ${result.imported} demo items`);
  }
  const labeled = records.slice(0, Math.max(0, records.length - DEMO_OPEN_ITEMS));
  const seeded = await seedDemoAnnotations(project.id, labeled);
  if (seeded) log(`added ${seeded} annotations from DynaSent's crowd workers`);
  await addDemoMembers(
    project.id,
    DEMO_ACCOUNTS.flatMap((a) => (a.role === "admin" ? [] : [[users.get(a.email)!, a.role] as const])),
  );
  await seedDemoReview(project.id, { id: leadId, name: "Lea Lead" }, log);
  await seedDriftProject({ lead: leadId, engineer: users.get("engineer@concord.local")! }, log);
  await seedHhProject(
    {
      lead: leadId,
      annotator: users.get("annotator@concord.local")!,
      engineer: users.get("engineer@concord.local")!,
    },
    log,
  );
}
