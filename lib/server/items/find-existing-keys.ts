import "server-only";
import type { PoolClient } from "pg";
import type { TImportRecord } from "@/lib/import/import-types";

/**
 * Which of these records the project holds already: by external id, or by content hash for records
 * without one. One indexed probe per batch of records.
 */
export async function findExistingKeys(
  client: PoolClient,
  projectId: string,
  records: TImportRecord[],
): Promise<{ ids: Set<string>; hashes: Set<string> }> {
  const ids = records.flatMap((r) => (r.externalId === null ? [] : [r.externalId]));
  const hashes = records.flatMap((r) => (r.externalId === null ? [r.contentHash] : []));
  // One after the other: a client runs one query at a time anyway, and pg 9 refuses a second one
  // sent while the first runs (pg 8 queues it with a deprecation warning).
  const byId = ids.length
    ? await client.query<{ k: string }>(
        "SELECT external_id AS k FROM items WHERE project_id = $1 AND external_id = ANY($2)",
        [projectId, ids],
      )
    : null;
  const byHash = hashes.length
    ? await client.query<{ k: string }>(
        "SELECT content_hash AS k FROM items WHERE project_id = $1 AND external_id IS NULL AND content_hash = ANY($2)",
        [projectId, hashes],
      )
    : null;
  return { ids: new Set(byId?.rows.map((r) => r.k)), hashes: new Set(byHash?.rows.map((r) => r.k)) };
}
