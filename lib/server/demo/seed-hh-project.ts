import "server-only";
import { db } from "@/lib/db";
import { HH_CHOSEN_FIELD } from "@/lib/import/dialects/hh-rlhf";
import { createLabelDefinition } from "@/lib/server/label-definitions/create-label-definition";
import { importItems } from "@/lib/server/items/import-items";
import { addDemoMembers } from "./add-demo-members";
import { ensureDemoProject } from "./ensure-demo-project";
import { HH_DEMO_FILE, PREFERENCE_DEFINITION, hhDemoImportLines, readHhDemoPairs } from "./hh-rlhf-demo";

export const HH_PROJECT_NAME = "HH-RLHF preferences (demo)";

/**
 * Each pair carries one real judgment: the overlap of 3 leaves two more, so the demo annotator
 * still finds every pair in the queue (and the lead, answering too, does not take them away).
 */
export const HH_PROJECT_OVERLAP = 3;

/**
 * A project of pairwise preferences on conversations, from a benign subset of Anthropic's HH-RLHF
 * harmless-base test split (prisma/demo/hh_rlhf_harmless/SOURCE.md says how it was cut). Each pair
 * arrives with the dataset's one human judgment, imported as an external annotator's annotation;
 * no other judgment is made up. The sides are shuffled per assignment, and `hh_chosen` (the
 * import's note of the preferred side) is hidden from annotators. Idempotent, like the rest of the seed.
 */
export async function seedHhProject(
  members: { lead: string; annotator: string; engineer: string },
  log: (line: string) => void,
): Promise<void> {
  const { id: projectId } = await ensureDemoProject(
    {
      name: HH_PROJECT_NAME,
      description:
        "Which of two assistant replies is better, on short everyday conversations from Anthropic's HH-RLHF " +
        "(Bai et al. 2022, arXiv:2204.05862), https://github.com/anthropics/hh-rlhf, MIT License, " +
        "Copyright (c) 2022 Anthropic. A benign subset of the red-team harmless-base test split; each pair " +
        "comes with the crowdworker's real preference.",
      instructions: "Read the conversation, then choose the better of the assistant's two next replies.",
      overlap: HH_PROJECT_OVERLAP,
      conversationField: "prompt",
      hiddenFields: [HH_CHOSEN_FIELD],
    },
    log,
  );
  if ((await db.labelDefinition.count({ where: { projectId } })) === 0)
    await createLabelDefinition(projectId, PREFERENCE_DEFINITION, members.lead);
  if ((await db.batch.count({ where: { projectId } })) === 0) {
    const result = await importItems({
      projectId,
      userId: members.lead,
      input: hhDemoImportLines(await readHhDemoPairs()),
      format: "jsonl",
      batchName: "HH-RLHF harmless-base test, benign subset",
      sourceFileName: HH_DEMO_FILE,
    });
    log(`imported ${result.imported} HH-RLHF pairs with ${result.annotations} crowdworker judgments`);
  }
  await addDemoMembers(projectId, [
    [members.lead, "lead"],
    [members.annotator, "annotator"],
    [members.engineer, "engineer"],
  ]);
}
