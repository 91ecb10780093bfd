import "server-only";
import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/passwords";
import { createLabelDefinition } from "@/lib/server/label-definitions/create-label-definition";
import { importItems } from "@/lib/server/items/import-items";
import { seedDemoAnnotations } from "./seed-demo-annotations";

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
        overlap: 5,
      },
    });
    log(`created demo project "${project.name}"`);
  }
  const leadId = users.get("lead@concord.local")!;
  if ((await db.labelDefinition.count({ where: { projectId: project.id } })) === 0) {
    await createLabelDefinition(project.id, SENTIMENT_DEFINITION, leadId);
    log("created the demo label definition");
  }
  if ((await db.batch.count({ where: { projectId: project.id } })) === 0) {
    const result = await importItems({
      projectId: project.id,
      userId: leadId,
      input: dynasentRecords(),
      format: "jsonl",
      batchName: "DynaSent round 2 dev",
      sourceFileName: DATASET_FILE,
    });
    log(`imported ${result.imported} demo items`);
  }
  const seeded = await seedDemoAnnotations(project.id, datasetPath());
  if (seeded) log(`added ${seeded} annotations from DynaSent's crowd workers`);
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

const DATASET_FILE = "dynasent-v1.1-round02-dynabench-dev.jsonl";

const SENTIMENT_DEFINITION = {
  key: "sentiment",
  kind: "single_choice" as const,
  title: "Sentiment",
  options: [
    { key: "positive", title: "Positive" },
    { key: "negative", title: "Negative" },
    { key: "neutral", title: "Neutral" },
    { key: "mixed", title: "Mixed" },
  ],
  guidelines: [
    "Judge the sentiment the **writer** expresses about the business or its products.",
    "",
    "- *Positive*: the writer is pleased overall.",
    "- *Negative*: the writer is displeased overall.",
    "- *Neutral*: a factual statement, no evaluation.",
    "- *Mixed*: both clear praise and clear criticism.",
  ].join("\n"),
};

/** DynaSent's records in Concord's import shape: the sentence, its id, the model's label as a prediction. */
async function* dynasentRecords(): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(datasetPath(), "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text_id: string; sentence: string; model_1_label: string };
    yield (
      JSON.stringify({
        externalId: r.text_id,
        data: { text: r.sentence },
        predictions: { sentiment: r.model_1_label },
      }) + "\n"
    );
  }
}

function datasetPath(): string {
  return path.join(process.cwd(), "prisma", "demo", "dynasent_r2", DATASET_FILE);
}
