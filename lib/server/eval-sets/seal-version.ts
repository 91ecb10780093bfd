import "server-only";
import { jsonlDigester, type TDigest } from "@/lib/export/canonical-jsonl";
import { compareItemIds, type TExportColumns } from "@/lib/export/export-row";
import { DEFAULT_CHUNK_CHARS } from "@/lib/export/text-chunks";
import type { TDb } from "@/lib/server/final-labels/load-label-context";
import { canonicalJsonlLine } from "@/lib/eval-sets/jsonl-line";
import { readVersionJsonl } from "./read-version-jsonl";

const ANALYZE_THRESHOLD = 10_000;

export type TSealed = TDigest & { columns: TExportColumns; frozenAt: Date };

/**
 * The version's canonical JSONL hashed while its rows are written, from the same canonical text the
 * rows store: the lines readVersionJsonl would read back, if the rows come in ascending item id
 * order (the freeze's pages do). Rows out of that order leave it unusable, and the seal reads the
 * rows back instead.
 */
export class VersionDigest {
  private readonly digester = jsonlDigester();
  private text = "";
  private rows = 0;
  private last: string | null = null;
  private inOrder = true;
  private readonly dataKeys = new Set<string>();

  add(itemId: string, externalId: string | null, dataJson: string, labelsJson: string, data: object): void {
    if (this.last !== null && compareItemIds(this.last, itemId) >= 0) this.inOrder = false;
    this.last = itemId;
    this.rows++;
    for (const key of Object.keys(data)) this.dataKeys.add(key);
    this.text += canonicalJsonlLine(itemId, externalId, dataJson, labelsJson);
    if (this.text.length >= DEFAULT_CHUNK_CHARS) this.flush();
  }

  /** The digest and data columns, or null if the rows came out of order. */
  result(): (TDigest & { dataKeys: string[] }) | null {
    if (!this.inOrder) return null;
    this.flush();
    // Sorted in JS: canonical (UTF-16) order, as the read-back columns are.
    return { ...this.digester.digest(this.rows), dataKeys: [...this.dataKeys].sort() };
  }

  private flush(): void {
    this.digester.update(Buffer.from(this.text, "utf8"));
    this.text = "";
  }
}

/**
 * Ends a freeze: hashes the version's canonical JSONL exactly as an export writes it (from the
 * `written` digest kept while the rows were inserted, or else by reading the rows back from the table
 * in the freezing transaction: the same stream an export sends), then records the hash, size, columns
 * and manifest and marks the version sealed. After this the database refuses any change to it.
 */
export async function sealVersion(
  q: TDb,
  input: {
    versionId: string;
    labelKeys: string[];
    manifestFor: (sealed: TSealed) => Record<string, unknown>;
    written?: VersionDigest;
  },
): Promise<TSealed> {
  const written = input.written?.result() ?? null;
  let digest: TDigest;
  let dataKeys: string[];
  if (written) {
    ({ dataKeys, ...digest } = written);
    await analyzeIfBig(q, digest.rows);
  } else ({ digest, dataKeys } = await readBack(q, input.versionId));
  const columns: TExportColumns = { data: dataKeys, labels: input.labelKeys };
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

/** The digest and data columns of a version's rows as stored, read back from the table. */
async function readBack(q: TDb, versionId: string): Promise<{ digest: TDigest; dataKeys: string[] }> {
  const { rows: counted } = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM eval_set_items WHERE version_id = $1",
    [versionId],
  );
  await analyzeIfBig(q, counted[0].n);
  const { rows } = await q.query<{ key: string }>(
    `SELECT DISTINCT k AS key FROM eval_set_items, jsonb_object_keys(data_json::jsonb) AS k WHERE version_id = $1`,
    [versionId],
  );
  const digester = jsonlDigester();
  for await (const chunk of readVersionJsonl(q, versionId)) digester.update(chunk);
  // Sorted in JS: canonical (UTF-16) order, not the database collation's.
  return { digest: digester.digest(counted[0].n), dataKeys: rows.map((r) => r.key).sort() };
}

/**
 * Without fresh statistics the planner reads a big new version by a bitmap scan and a sort per page
 * (100x slower) until autovacuum gets to it: the read-back, or else the first export, would. Only the
 * columns its pages are found by: sampling the data's values too cost most of an ANALYZE, for no plan.
 */
async function analyzeIfBig(q: TDb, rows: number): Promise<void> {
  if (rows >= ANALYZE_THRESHOLD) await q.query("ANALYZE eval_set_items (version_id, item_id)");
}
