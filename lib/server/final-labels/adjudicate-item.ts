import "server-only";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { unprocessable } from "@/lib/server/errors";
import type { TAdjudication, TAdjudicationInput } from "@/lib/schemas/final-labels";
import { loadLabelContext } from "./load-label-context";
import { checkDecisionValue, insertAdjudication, loadItemData } from "./record-adjudication";

/**
 * Records a lead's final value for one definition of an item: a new row every time (the history
 * stays; the latest row counts). The value must fit the definition's current version, spans
 * included (checked against the item's text).
 */
export async function adjudicateItem(input: {
  projectId: string;
  itemId: string;
  userId: string;
  decision: TAdjudicationInput;
}): Promise<TAdjudication> {
  const pool = getPool();
  const data = await loadItemData(pool, input.projectId, input.itemId);
  const { decision } = input;
  const definition = (await loadLabelContext(pool, input.projectId)).find(
    (d) => d.key === decision.definition,
  );
  if (!definition) {
    throw unprocessable("There is no such label definition.", [
      { path: "definition", message: `unknown definition "${decision.definition}"` },
    ]);
  }
  const checked = checkDecisionValue(definition, data, decision.value, ["value"]);
  if (checked.errors.length > 0) {
    throw unprocessable("The value does not fit the label definition.", checked.errors);
  }
  return withTransaction((tx) =>
    insertAdjudication(tx, input, {
      definition,
      value: checked.value,
      note: decision.note,
      isGold: decision.isGold,
    }),
  );
}
