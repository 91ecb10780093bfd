import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, getPool } from "@/lib/db";
import { isEmptyGate } from "@/lib/eval-sets/gate-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { TEvalSet, TUpdateEvalSetInput } from "@/lib/schemas/eval-sets";
import { prepareFilter } from "./prepare-filter";
import { EVAL_SET_SELECT, serializeEvalSet } from "./serialize-eval-set";

/**
 * Renames a set, changes the filter of its next freeze or its release gate (null, or a gate with no
 * minimum, removes it); frozen versions keep their own filter.
 */
export async function updateEvalSet(
  evalSet: { id: string; projectId: string },
  input: TUpdateEvalSetInput,
  userId: string,
): Promise<TEvalSet> {
  if (input.filter) await prepareFilter(getPool(), evalSet.projectId, input.filter);
  const { gate, ...rest } = input;
  const gateData =
    gate === undefined ? {} : { gate: isEmptyGate(gate) ? Prisma.DbNull : (gate as Prisma.InputJsonValue) };
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.evalSet.update({
      where: { id: evalSet.id },
      data: { ...rest, ...gateData, updatedAt: new Date() },
      select: EVAL_SET_SELECT,
    });
    await recordAuditEvent(tx, {
      projectId: evalSet.projectId,
      actor: { id: userId },
      action: "eval_set.updated",
      target: { type: "eval_set", id: evalSet.id },
      details: { changed: Object.keys(input), ...input },
    });
    return updated;
  });
  return serializeEvalSet(row);
}
