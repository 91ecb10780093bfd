import "server-only";
import { normalizeValue } from "@/lib/final-labels/value-key";
import { valueSchemaFor } from "@/lib/label-definitions/value-schema";
import { toFieldErrors, type TFieldError } from "@/lib/schemas/field-errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notFound } from "@/lib/server/errors";
import type { TAdjudication } from "@/lib/schemas/final-labels";
import type { TDb, TDefinitionContext } from "./load-label-context";

export type TCheckedDecision = {
  definition: TDefinitionContext;
  /** In canonical order, as final labels are stored. */
  value: unknown;
  note: string;
  isGold: boolean;
};

/** The item's data, which span values are checked against; 404 when the item is not the project's. */
export async function loadItemData(q: TDb, projectId: string, itemId: string) {
  const { rows } = await q.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM items WHERE id = $1 AND project_id = $2",
    [itemId, projectId],
  );
  if (rows.length === 0) throw notFound("Item");
  return rows[0].data;
}

/**
 * Checks a value against the definition's current version (spans against the item's text) and
 * puts it in canonical order; the errors' paths start with `path`.
 */
export function checkDecisionValue(
  definition: TDefinitionContext,
  data: Record<string, unknown>,
  value: unknown,
  path: readonly string[],
): { value: unknown; errors: TFieldError[] } {
  const parsed = valueSchemaFor(definition.spec, { data }).safeParse(value);
  if (!parsed.success) return { value: null, errors: toFieldErrors(parsed.error, path) };
  return { value: normalizeValue(definition.spec, parsed.data), errors: [] };
}

/** Appends one decision (the history stays; the latest row counts) and its audit event, in `tx`. */
export async function insertAdjudication(
  tx: TDb,
  input: { projectId: string; itemId: string; userId: string },
  decision: TCheckedDecision,
): Promise<TAdjudication> {
  const { definition } = decision;
  const { rows } = await tx.query<{ id: string; created_at: Date; name: string }>(
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
      decision.value === null ? null : JSON.stringify(decision.value),
      decision.note,
      decision.isGold,
      input.userId,
    ],
  );
  const row = rows[0];
  await recordAuditEvent(tx, {
    projectId: input.projectId,
    actor: { id: input.userId, name: row.name },
    action: "adjudication.recorded",
    target: { type: "item", id: input.itemId },
    details: {
      adjudicationId: row.id,
      definition: definition.key,
      version: definition.currentVersion,
      isGold: decision.isGold,
    },
  });
  return {
    id: row.id,
    itemId: input.itemId,
    definition: definition.key,
    definitionVersion: definition.currentVersion,
    value: decision.value,
    note: decision.note,
    isGold: decision.isGold,
    decidedBy: { id: input.userId, name: row.name },
    createdAt: row.created_at.toISOString(),
  };
}
