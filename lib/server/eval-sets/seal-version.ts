import "server-only";
import { createHash } from "node:crypto";
import type { TDigest } from "@/lib/export/canonical-jsonl";
import type { TExportColumns } from "@/lib/export/export-row";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { readVersionJsonl } from "./read-version-jsonl";

const ANALYZE_THRESHOLD = 10_000;

export type TSealed = TDigest & { columns: TExportColumns; frozenAt: Date };

/**
 * Ends a freeze: hashes the version's canonical JSONL exactly as an export writes it (the same
 * stream, reading the rows back from the table in the freezing transaction), then records the
 * hash, size, columns and manifest and marks the version sealed. After this the database refuses
 * any change to it.
 */
export async function sealVersion(
  q: TDb,
  input: {
    versionId: string;
    labelKeys: string[];
    manifestFor: (sealed: TSealed) => Record<string, unknown>;
  },
): Promise<TSealed> {
  const { rows: counted } = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM eval_set_items WHERE version_id = $1",
    [input.versionId],
  );
  // Without fresh statistics the planner reads a big new version by a bitmap scan and a sort per
  // page (100x slower) until autovacuum gets to it; the hash below is the first reader.
  if (counted[0].n >= ANALYZE_THRESHOLD) await q.query("ANALYZE eval_set_items");
  const { rows } = await q.query<{ key: string }>(
    `SELECT DISTINCT k AS key FROM eval_set_items, jsonb_object_keys(data_json::jsonb) AS k WHERE version_id = $1`,
    [input.versionId],
  );
  // Sorted in JS: canonical (UTF-16) order, not the database collation's.
  const columns: TExportColumns = { data: rows.map((r) => r.key).sort(), labels: input.labelKeys };
  const hash = createHash("sha256");
  const digest: TDigest = { sha256: "", bytes: 0, rows: counted[0].n };
  for await (const chunk of readVersionJsonl(q, input.versionId)) {
    hash.update(chunk);
    digest.bytes += chunk.byteLength;
  }
  digest.sha256 = hash.digest("hex");
  const frozenAt = new Date();
  const sealed: TSealed = { ...digest, columns, frozenAt };
  await q.query(
    `UPDATE eval_set_versions
        SET sealed_at = $2, sha256 = $3, byte_count = $4, item_count = $5, columns = $6, manifest = $7
      WHERE id = $1`,
    [
      input.versionId,
      frozenAt,
      digest.sha256,
      digest.bytes,
      digest.rows,
      JSON.stringify(columns),
      JSON.stringify(input.manifestFor(sealed)),
    ],
  );
  return sealed;
}
