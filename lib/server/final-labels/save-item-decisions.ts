import "server-only";
import { getPool } from "@/lib/db";
import type { TFieldError } from "@/lib/schemas/field-errors";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { unprocessable } from "@/lib/server/errors";
import type { TItemDecisions, TItemDecisionsInput } from "@/lib/schemas/final-labels";
import { loadLabelContext } from "./load-label-context";
import {
  checkDecisionValue,
  insertAdjudication,
  loadItemData,
  type TCheckedDecision,
} from "./record-adjudication";

/**
 * Records a lead's decisions on several definitions of one item at once: every value is checked
 * first, and one that does not fit refuses them all (each error names its definition's key, e.g.
 * `decisions.toxicity.value.0.end`); the rest are appended in one transaction, so a lead never
 * leaves an item half decided.
 */
export async function saveItemDecisions(input: {
  projectId: string;
  itemId: string;
  userId: string;
  body: TItemDecisionsInput;
}): Promise<TItemDecisions> {
  const pool = getPool();
  const data = await loadItemData(pool, input.projectId, input.itemId);
  const definitions = await loadLabelContext(pool, input.projectId);
  const errors: TFieldError[] = [];
  const checked: TCheckedDecision[] = [];
  for (const [key, decision] of Object.entries(input.body.decisions)) {
    const definition = definitions.find((d) => d.key === key);
    if (!definition) {
      errors.push({ path: `decisions.${key}`, message: `unknown definition "${key}"` });
      continue;
    }
    const result = checkDecisionValue(definition, data, decision.value, ["decisions", key, "value"]);
    errors.push(...result.errors);
    checked.push({ definition, value: result.value, note: decision.note, isGold: decision.isGold });
  }
  if (errors.length > 0) {
    throw unprocessable("A value does not fit its label definition; nothing was saved.", errors);
  }
  // In the definitions' order, so the history reads the same way as the page.
  checked.sort((x, y) => definitions.indexOf(x.definition) - definitions.indexOf(y.definition));
  const adjudications = await withTransaction(async (tx) => {
    const saved = [];
    for (const decision of checked) saved.push(await insertAdjudication(tx, input, decision));
    return saved;
  });
  return { adjudications };
}
