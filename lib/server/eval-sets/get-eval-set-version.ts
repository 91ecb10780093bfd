import "server-only";
import { db } from "@/lib/db";
import type { TExportColumns } from "@/lib/export/export-row";
import { notFound } from "@/lib/server/errors";
import type { TEvalSetVersionDetail } from "@/lib/schemas/eval-sets";
import { VERSION_SELECT, serializeVersion } from "./serialize-eval-set";

export type TVersionForExport = TEvalSetVersionDetail & { columns: TExportColumns; evalSetName: string };

/** A frozen version of the set, with its manifest (and what exports need). */
export async function getEvalSetVersion(evalSetId: string, version: number): Promise<TVersionForExport> {
  const row = await db.evalSetVersion.findUnique({
    where: { evalSetId_version: { evalSetId, version } },
    select: { ...VERSION_SELECT, manifest: true, columns: true, evalSet: { select: { name: true } } },
  });
  if (!row || !row.sealedAt) throw notFound("Eval set version");
  return {
    ...serializeVersion(row),
    manifest: row.manifest as Record<string, unknown>,
    columns: row.columns as TExportColumns,
    evalSetName: row.evalSet.name,
  };
}
