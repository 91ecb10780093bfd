import "server-only";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { DYNASENT_WORKERS, dynasentCrowdLabels, type TDynasentRecord } from "./dynasent";
import { insertCrowdAnnotations } from "./insert-crowd-annotations";

/** Items left without annotations, so a newcomer signing in as the demo annotator has work to do. */
export const DEMO_OPEN_ITEMS = 120;

/**
 * Turns DynaSent's real crowd labels (five workers per sentence) into Concord annotations: each
 * worker becomes a demo account that cannot sign in, and each label an annotation through a
 * submitted assignment, with the item counters to match. The dataset has no timestamps: submission
 * times are spread over the four weeks before seeding, in dataset order, so the trend charts have a
 * time axis. Callers leave out the items that should stay open.
 */
export async function seedDemoAnnotations(
  projectId: string,
  records: readonly TDynasentRecord[],
): Promise<number> {
  const labels = dynasentCrowdLabels(records);
  return withTransaction(async (client) => {
    const existing = await client.query("SELECT 1 FROM annotations WHERE project_id = $1 LIMIT 1", [
      projectId,
    ]);
    if (existing.rowCount) return 0;
    // Each DynaSent sentence was labeled by five workers: the demo project asks for five.
    await insertCrowdAnnotations(client, {
      projectId,
      definitionKey: "sentiment",
      labels,
      ...DYNASENT_WORKERS,
    });
    return labels.length;
  });
}
