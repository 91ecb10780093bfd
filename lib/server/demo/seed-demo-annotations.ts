import "server-only";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { insertCrowdAnnotations } from "./insert-crowd-annotations";

/** Items left without annotations, so a newcomer signing in as the demo annotator has work to do. */
export const DEMO_OPEN_ITEMS = 120;

type TDynasentRecord = { text_id: string; label_distribution: Record<string, string[]> };

/**
 * Turns DynaSent's real crowd labels (five workers per sentence) into Concord annotations: each
 * worker becomes a demo account that cannot sign in, and each label an annotation through a
 * submitted assignment, with the item counters to match. The dataset has no timestamps: submission
 * times are spread over the four weeks before seeding, in dataset order, so the trend charts have a
 * time axis. The last DEMO_OPEN_ITEMS items stay open.
 */
export async function seedDemoAnnotations(projectId: string, datasetFile: string): Promise<number> {
  const records: TDynasentRecord[] = [];
  const lines = createInterface({ input: createReadStream(datasetFile, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as TDynasentRecord);
  const labeled = records.slice(0, Math.max(0, records.length - DEMO_OPEN_ITEMS));
  const rows = labeled.flatMap((r, index) =>
    Object.entries(r.label_distribution).flatMap(([label, workers]) =>
      workers.map((worker) => ({ externalId: r.text_id, worker, label, index })),
    ),
  );
  return withTransaction(async (client) => {
    const existing = await client.query("SELECT 1 FROM annotations WHERE project_id = $1 LIMIT 1", [
      projectId,
    ]);
    if (existing.rowCount) return 0;
    // Each DynaSent sentence was labeled by five workers: the demo project asks for five.
    await insertCrowdAnnotations(client, {
      projectId,
      definitionKey: "sentiment",
      labels: rows.map((r) => ({
        externalId: r.externalId,
        worker: r.worker,
        value: r.label,
        index: r.index,
      })),
      emailDomain: "dynasent.example",
      namePrefix: "DynaSent worker ",
    });
    return rows.length;
  });
}
