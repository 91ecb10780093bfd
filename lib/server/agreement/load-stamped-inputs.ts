import "server-only";
import { getPool } from "@/lib/db";
import { CHANGE_STAMP_SQL } from "./get-change-stamp";
import { BATCHES_SQL, batchesFromRows, type TBatchInfo, type TBatchRow } from "./load-batches";
import {
  DEFINITIONS_ORDER,
  DEFINITIONS_SQL,
  definitionsFromRows,
  type TDefinitionRow,
  type TDefinitionWithVersions,
} from "./load-definitions";

export type TStampedInputs = {
  stamp: string;
  definitions: TDefinitionWithVersions[];
  batches: { batches: TBatchInfo[] };
};

/**
 * The change stamp with the definitions and batches an analysis starts from, in one statement:
 * one round trip where the stamp and then the inputs took two, and one snapshot, so the inputs are
 * never older than the stamp they are cached under. On a cache hit the inputs are read for nothing:
 * a few rows, and an index probe per batch.
 *
 * It first refreshes the rollups of the labels still queued for the project (concord_agreement_flush,
 * docs/decisions/034-deferred-agreement-refresh.md): every reader of the rollups comes through here
 * (or after it in the same request), so none reads them behind a label committed before it began.
 * With nothing queued that is one index probe.
 */
export async function loadStampedInputs(projectId: string): Promise<TStampedInputs> {
  const { rows } = await getPool().query<{
    stamp: string;
    definitions: TDefinitionRow[] | null;
    batches: TBatchRow[] | null;
  }>(
    `SELECT concord_agreement_flush($1) AS flushed,
            (${CHANGE_STAMP_SQL}) AS stamp,
            (SELECT json_agg(d ORDER BY ${DEFINITIONS_ORDER}) FROM (${DEFINITIONS_SQL}) d) AS definitions,
            (SELECT json_agg(b ORDER BY b.lo) FROM (${BATCHES_SQL}) b) AS batches`,
    [projectId],
  );
  const row = rows[0];
  return {
    stamp: row.stamp,
    definitions: definitionsFromRows(row.definitions ?? []),
    batches: batchesFromRows(row.batches ?? []),
  };
}
