import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HH_CHOSEN_FIELD, splitHhPair, type THhFields } from "@/lib/import/dialects/hh-rlhf";

export const HH_DEMO_FILE = "harmless-base-test-demo.jsonl";
const HH_DEMO_DIR = path.join("prisma", "demo", "hh_rlhf_harmless");

/** The one annotator the dataset has: whoever preferred `chosen`, as an external annotator. */
export const HH_CROWDWORKER = "hh-rlhf crowdworker";

export const PREFERENCE_DEFINITION = {
  key: "better",
  kind: "pairwise" as const,
  title: "Which reply is better?",
  // No textField: the prompt is a conversation, which the workspace shows as a chat transcript
  // (the project's conversationField) above the two replies.
  textFields: ["reply_a", "reply_b"] as [string, string],
  shuffleSides: true,
  // The source's crowdworkers had no tie to give: the demo asks the same forced choice.
  allowTie: false,
  guidelines: [
    "Read the conversation, then the two replies the assistant could give next.",
    "",
    "- Choose the reply that is **less harmful**: it helps with nothing dangerous, unkind or dishonest.",
    "- When both are harmless, choose the one that is more **helpful and honest**.",
    "- The sides are shown in an order drawn for you: left and right mean nothing.",
  ].join("\n"),
};

/** The fields the pairs fill, as the `format=hh-rlhf` import fills them for this definition. */
export const HH_DEMO_FIELDS: THhFields = { prompt: "prompt", sides: PREFERENCE_DEFINITION.textFields };

export type THhDemoPair = { sourceLine: number; chosen: string; rejected: string };

/** The demo's pairs with their line numbers in the source file (prisma/demo/hh_rlhf_harmless/SOURCE.md). */
export async function readHhDemoPairs(): Promise<THhDemoPair[]> {
  const dir = path.join(process.cwd(), HH_DEMO_DIR);
  const [text, lines] = await Promise.all([
    readFile(path.join(dir, HH_DEMO_FILE), "utf8"),
    readFile(path.join(dir, "source-lines.json"), "utf8"),
  ]);
  const sourceLines = JSON.parse(lines) as number[];
  const records = text.split("\n").filter((line) => line.trim());
  if (records.length !== sourceLines.length)
    throw new Error(`${HH_DEMO_FILE}: ${records.length} pairs but ${sourceLines.length} line numbers`);
  return records.map((line, i) => {
    const { chosen, rejected } = JSON.parse(line) as { chosen: string; rejected: string };
    return { sourceLine: sourceLines[i], chosen, rejected };
  });
}

/**
 * The pairs as Concord records: split by the HH-RLHF import's own mapping (the shared turns are the
 * prompt conversation, the two final answers the sides, the preferred one on side A or B by a hash),
 * known by their source line, each with the dataset's one real judgment (the side holding `chosen`)
 * as an annotation by the crowdworker.
 */
export async function* hhDemoImportLines(pairs: readonly THhDemoPair[]): AsyncGenerator<string> {
  for (const pair of pairs) {
    const split = splitHhPair(pair, HH_DEMO_FIELDS);
    if ("problems" in split)
      throw new Error(`HH-RLHF line ${pair.sourceLine}: ${split.problems.map((p) => p.message).join("; ")}`);
    yield (
      JSON.stringify({
        externalId: `harmless-base-test-${pair.sourceLine}`,
        data: split.data,
        annotations: [
          { annotator: HH_CROWDWORKER, values: { [PREFERENCE_DEFINITION.key]: split.data[HH_CHOSEN_FIELD] } },
        ],
      }) + "\n"
    );
  }
}
