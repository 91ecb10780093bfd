import "server-only";
import { db } from "@/lib/db";
import { createLabelDefinition } from "@/lib/server/label-definitions/create-label-definition";
import { importItems } from "@/lib/server/items/import-items";
import { addDemoMembers } from "./add-demo-members";
import { ensureDemoProject } from "./ensure-demo-project";
import {
  DYNASENT_TEST_FILE,
  SENTIMENT_DEFINITION,
  dynasentImportLines,
  readDynasent,
  type TDynasentRecord,
} from "./dynasent";
import { seedDemoAnnotations } from "./seed-demo-annotations";

export const DRIFT_PROJECT_NAME = "DynaSent round 2 test (demo)";
export const DRIFT_BATCHES = {
  right: "Sentences model 1 labeled right",
  fooled: "Sentences that fooled model 1",
} as const;

/**
 * A second demo project whose agreement really drops, so the drift page has a flag to show. Round 2
 * of DynaSent was written to fool a sentiment model; its test split keeps which sentences did
 * (`model_1_label` differs from the crowd's label). Those are harder for people too: five workers
 * agree less on them (Krippendorff's alpha about 0.62 against 0.77). The seed imports the sentences
 * the model got right as a first batch and the ones that fooled it as a later one, both with their
 * real crowd labels in that order over four weeks: the drift code flags the later batch.
 */
export async function seedDriftProject(
  members: { lead: string; engineer: string },
  log: (line: string) => void,
): Promise<void> {
  const project = await ensureDemoProject(
    {
      name: DRIFT_PROJECT_NAME,
      description:
        "Sentiment of short business reviews, from DynaSent round 2's test split (Potts, Wu, Geiger & Kiela), " +
        "https://github.com/cgpotts/dynasent, licensed CC BY 4.0. The sentences that fooled the model came " +
        "in a later batch, and the five crowdworkers agree less on them.",
      instructions: "Read the sentence and choose the sentiment its writer expresses about the business.",
      overlap: 5,
    },
    log,
  );
  const projectId = project.id;
  if ((await db.labelDefinition.count({ where: { projectId } })) === 0)
    await createLabelDefinition(projectId, SENTIMENT_DEFINITION, members.lead);
  const records = await readDynasent(DYNASENT_TEST_FILE);
  const isFooled = (r: TDynasentRecord) => r.model_1_label !== r.gold_label;
  const right = records.filter((r) => !isFooled(r));
  const fooled = records.filter(isFooled);
  for (const [name, batch] of [
    [DRIFT_BATCHES.right, right],
    [DRIFT_BATCHES.fooled, fooled],
  ] as const) {
    if ((await db.batch.count({ where: { projectId, name } })) === 0) {
      await importItems({
        projectId,
        userId: members.lead,
        input: dynasentImportLines(batch),
        format: "jsonl",
        batchName: name,
        sourceFileName: DYNASENT_TEST_FILE,
      });
    }
  }
  const seeded = await seedDemoAnnotations(projectId, [...right, ...fooled]);
  if (seeded) log(`added ${seeded} annotations to "${project.name}"`);
  await addDemoMembers(projectId, [
    [members.lead, "lead"],
    [members.engineer, "engineer"],
  ]);
}
