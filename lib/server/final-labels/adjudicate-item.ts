import "server-only";
import { getPool } from "@/lib/db";
import { normalizeValue } from "@/lib/final-labels/value-key";
import { valueSchemaFor } from "@/lib/label-definitions/value-schema";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { withTransaction } from "@/lib/server/db/with-transaction";
import { notFound, unprocessable } from "@/lib/server/errors";
import type { TAdjudication, TAdjudicationInput } from "@/lib/schemas/final-labels";
import { loadLabelContext } from "./load-label-context";

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
  const { rows: items } = await pool.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM items WHERE id = $1 AND project_id = $2",
    [input.itemId, input.projectId],
  );
  if (items.length === 0) throw notFound("Item");
  const { decision } = input;
  const definition = (await loadLabelContext(pool, input.projectId)).find(
    (d) => d.key === decision.definition,
  );
  if (!definition) {
    throw unprocessable("There is no such label definition.", [
      { path: "definition", message: `unknown definition "${decision.definition}"` },
    ]);
  }
  const parsed = valueSchemaFor(definition.spec, { data: items[0].data }).safeParse(decision.value);
  if (!parsed.success) {
    throw unprocessable(
      "The value does not fit the label definition.",
      toFieldErrors(parsed.error, ["value"]),
    );
  }
  const value = normalizeValue(definition.spec, parsed.data);
  const rows = await withTransaction(async (tx) => {
    const inserted = await tx.query<{ id: string; created_at: Date; name: string }>(
      `WITH inserted AS (
       INSERT INTO adjudications (project_id, item_id, definition_id, definition_version, value, note, is_gold, decided_by_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
       RETURNING id, created_at)
     SELECT inserted.id, inserted.created_at, u.name FROM inserted JOIN users u ON u.id = $8`,
      [
        input.projectId,
        input.itemId,
        definition.id,
        definition.currentVersion,
        value === null ? null : JSON.stringify(value),
        decision.note,
        decision.isGold,
        input.userId,
      ],
    );
    await recordAuditEvent(tx, {
      projectId: input.projectId,
      actor: { id: input.userId, name: inserted.rows[0].name },
      action: "adjudication.recorded",
      target: { type: "item", id: input.itemId },
      details: {
        adjudicationId: inserted.rows[0].id,
        definition: definition.key,
        version: definition.currentVersion,
        isGold: decision.isGold,
      },
    });
    return inserted.rows;
  });
  return {
    id: rows[0].id,
    itemId: input.itemId,
    definition: definition.key,
    definitionVersion: definition.currentVersion,
    value,
    note: decision.note,
    isGold: decision.isGold,
    decidedBy: { id: input.userId, name: rows[0].name },
    createdAt: rows[0].created_at.toISOString(),
  };
}
