import { getPool } from "@/lib/db";

/**
 * What every reader of the agreement rollups does first (load-stamped-inputs.ts): refresh the pairs a
 * project's labels queued (docs/decisions/034-deferred-agreement-refresh.md). Tests that read the
 * rollup tables themselves call it where a reader would.
 */
export async function flushAgreement(projectId: string): Promise<void> {
  await getPool().query("SELECT concord_agreement_flush($1)", [projectId]);
}
