import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TCrowdLabel } from "./insert-crowd-annotations";

export const DYNASENT_DEV_FILE = "dynasent-v1.1-round02-dynabench-dev.jsonl";
export const DYNASENT_TEST_FILE = "dynasent-v1.1-round02-dynabench-test.jsonl";

export type TDynasentRecord = {
  text_id: string;
  sentence: string;
  model_1_label: string;
  gold_label: string;
  label_distribution: Record<string, string[]>;
};

export async function readDynasent(file: string): Promise<TDynasentRecord[]> {
  const text = await readFile(path.join(process.cwd(), "prisma", "demo", "dynasent_r2", file), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as TDynasentRecord);
}

/** The records in Concord's import shape: the sentence, its id, the model's label as a prediction. */
export async function* dynasentImportLines(records: readonly TDynasentRecord[]): AsyncGenerator<string> {
  for (const r of records) {
    yield (
      JSON.stringify({
        externalId: r.text_id,
        data: { text: r.sentence },
        predictions: { sentiment: r.model_1_label },
      }) + "\n"
    );
  }
}

/** Every worker's label of every record; `index` orders submission times (dataset order). */
export function dynasentCrowdLabels(records: readonly TDynasentRecord[]): TCrowdLabel[] {
  return records.flatMap((r, index) =>
    Object.entries(r.label_distribution).flatMap(([label, workers]) =>
      workers.map((worker) => ({ externalId: r.text_id, worker, value: label, index })),
    ),
  );
}

export const DYNASENT_WORKERS = { emailDomain: "dynasent.example", namePrefix: "DynaSent worker " } as const;

export const SENTIMENT_DEFINITION = {
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
