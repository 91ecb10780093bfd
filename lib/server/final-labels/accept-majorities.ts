import "server-only";
import type { TMajorityAccept, TMajorityAccepted } from "@/lib/schemas/final-labels";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { conflict } from "@/lib/server/errors";
import { findMajorityItems } from "./find-majority-items";
import { insertAdjudication } from "./record-adjudication";

/**
 * Decides every item of the filtered set as its majority, in one transaction. The caller names
 * how many items the preview showed: when the set has changed since (annotations came in, another
 * lead decided), nothing is saved and the lead previews again.
 */
export async function acceptMajorities(input: {
  projectId: string;
  userId: string;
  body: TMajorityAccept;
}): Promise<TMajorityAccepted> {
  const { projectId, userId, body } = input;
  return withTransaction(async (tx) => {
    // One bulk accept per project at a time: a second one waits, then finds the set decided.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('accept-majorities:' || $1))", [projectId]);
    const { definition, items } = await findMajorityItems(tx, projectId, body);
    if (items.length !== body.expectedCount) {
      throw conflict(
        `The set has changed since the preview: ${items.length} items now, not ${body.expectedCount}. Nothing was saved.`,
        [{ path: "expectedCount", message: `is ${items.length} now` }],
      );
    }
    const note = `Majority accepted in bulk (${body.minCount > 1 ? `at least ${body.minCount} annotations` : "any majority"})`;
    for (const item of items) {
      await insertAdjudication(
        tx,
        { projectId, itemId: item.itemId, userId },
        { definition, value: item.value, note, isGold: false },
      );
    }
    return { accepted: items.length };
  });
}
