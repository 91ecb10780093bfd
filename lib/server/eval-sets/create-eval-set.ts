import "server-only";
import { db, getPool } from "@/lib/db";
import { isEmptyGate } from "@/lib/eval-sets/gate-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { TCreateEvalSetInput, TEvalSet } from "@/lib/schemas/eval-sets";
import { prepareFilter } from "./prepare-filter";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/** A new eval set: a name, the filter its freezes will apply, and its release gate. Nothing is frozen yet. */
export async function createEvalSet(
  projectId: string,
  input: TCreateEvalSetInput,
  userId: string,
): Promise<TEvalSet> {
  await prepareFilter(getPool(), projectId, input.filter);
  const gate = isEmptyGate(input.gate) ? undefined : input.gate;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.evalSet.create({
      data: {
        projectId,
        name: input.name,
        description: input.description,
        filter: input.filter,
        gate,
        createdById: userId,
      },
      select: EVAL_SET_SELECT,
    });
    await recordAuditEvent(tx, {
      projectId,
      actor: { id: userId },
      action: "eval_set.created",
      target: { type: "eval_set", id: created.id },
      details: { name: input.name, filter: input.filter, gate: gate ?? null },
    });
    return created;
  });
  return serializeEvalSet(row);
}
