import { readFileSync } from "node:fs";
import path from "node:path";
import { krippendorffAlpha } from "../lib/agreement/krippendorff";
import type { Rating } from "../lib/agreement/types";

// References for the demo's numbers, computed straight from the dataset files the seed reads.

export type TDynasentLine = {
  model_1_label: string;
  gold_label: string;
  label_distribution: Record<string, string[]>;
};

export function readDynasent(split: "dev" | "test"): TDynasentLine[] {
  const file = path.join(
    process.cwd(),
    `prisma/demo/dynasent_r2/dynasent-v1.1-round02-dynabench-${split}.jsonl`,
  );
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TDynasentLine);
}

/** Nominal Krippendorff's alpha of the crowd workers' labels of these sentences. */
export function crowdAlpha(records: readonly TDynasentLine[]): number {
  const workers = [...new Set(records.flatMap((r) => Object.values(r.label_distribution).flat()))];
  const matrix: Rating[][] = records.map((r) => {
    const row: Rating[] = workers.map(() => null);
    for (const [label, who] of Object.entries(r.label_distribution))
      for (const w of who) row[workers.indexOf(w)] = label;
    return row;
  });
  return krippendorffAlpha(matrix, "nominal")!;
}
