import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/server/errors";
import type { TEvalSetDetail } from "@/lib/schemas/eval-sets";
import { EVAL_SET_SELECT, VERSION_SELECT, serializeEvalSet, serializeVersion } from "./serialize-eval-set";

/** An eval set with all its frozen versions, newest first. */
export async function getEvalSet(evalSetId: string): Promise<TEvalSetDetail> {
  const row = await db.evalSet.findUnique({ where: { id: evalSetId }, select: EVAL_SET_SELECT });
  if (!row) throw notFound("Eval set");
  const versions = await db.evalSetVersion.findMany({
    where: { evalSetId, sealedAt: { not: null } },
    orderBy: { version: "desc" },
    select: VERSION_SELECT,
  });
  return { ...serializeEvalSet(row), versions: versions.map(serializeVersion) };
}
