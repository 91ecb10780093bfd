import "server-only";
import { once } from "node:events";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getPool } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { collectImport } from "@/lib/import/collect-import";
import type { TImportFormat, TImportInput, TImportMapping } from "@/lib/import/import-types";
import { AppError } from "@/lib/server/errors";
import { copyField } from "./copy-text";
import { findExistingKeys } from "./find-existing-keys";

export type TImportItemsInput = {
  projectId: string;
  userId: string;
  input: TImportInput;
  format: TImportFormat;
  mapping?: TImportMapping;
  batchName: string;
  sourceFileName: string | null;
};

export type TImportItemsResult = {
  batchId: string;
  imported: number;
  duplicates: number;
  duplicatesInFile: number;
  duplicatesInProject: number;
  total: number;
};

/**
 * Imports a file as one batch, all or nothing. Records stream from the parser straight into the
 * items table through COPY (raw SQL on purpose: COPY is what makes a million rows a matter of
 * seconds), in one transaction; records the project already holds are left out on the way. Any
 * bad record rolls it all back, the batch row included.
 */
export async function importItems(options: TImportItemsInput): Promise<TImportItemsResult> {
  const pool = getPool();
  const client = await pool.connect();
  let probe: PoolClient | null = null;
  let isOpen = false;
  let abortCopy: (() => Promise<void>) | null = null;
  try {
    await client.query("BEGIN");
    isOpen = true;
    // One import at a time per project: a second upload of the same file waits, then finds it all
    // present. That is also what lets the probe connection below see every item that matters.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('concord:import:' || $1, 0))", [
      options.projectId,
    ]);
    const batch = await client.query<{ id: string }>(
      `INSERT INTO batches (project_id, name, source_file_name, format, created_by_id, item_count, duplicate_count)
       VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id`,
      [options.projectId, options.batchName, options.sourceFileName, options.format, options.userId],
    );
    const batchId = batch.rows[0].id;
    const hasItems = (
      await client.query("SELECT 1 FROM items WHERE project_id = $1 LIMIT 1", [options.projectId])
    ).rowCount;
    const { rows: projectRows } = await client.query<{ overlap: number }>(
      "SELECT overlap FROM projects WHERE id = $1",
      [options.projectId],
    );
    // The import connection is busy with COPY: duplicates already in the project are looked up on a second one.
    if (hasItems) probe = await pool.connect();
    const copy = client.query(
      copyFrom(
        "COPY items (project_id, batch_id, target_count, external_id, content_hash, data, predictions, priority) FROM STDIN",
      ),
    );
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on("finish", resolve);
      copy.on("error", reject);
    });
    // A failure while reading the upload (too large, cut off) must end COPY before ROLLBACK.
    abortCopy = async () => {
      copy.destroy(new Error("import aborted"));
      await copyDone.catch(() => undefined);
    };
    const prefix = `${options.projectId}\t${batchId}\t${projectRows[0].overlap}\t`;
    let imported = 0;
    let duplicatesInProject = 0;
    const summary = await collectImport(options.input, options.format, options.mapping, {
      batchSize: 2000,
      onBatch: async (records) => {
        const existing = probe ? await findExistingKeys(probe, options.projectId, records) : null;
        let chunk = "";
        for (const r of records) {
          if (
            existing &&
            (r.externalId === null ? existing.hashes.has(r.contentHash) : existing.ids.has(r.externalId))
          ) {
            duplicatesInProject += 1;
            continue;
          }
          imported += 1;
          chunk += `${prefix}${copyField(r.externalId)}\t${r.contentHash}\t${copyField(r.dataJson)}\t${copyField(
            r.predictions ? JSON.stringify(r.predictions) : null,
          )}\t${r.priority}\n`;
        }
        if (chunk && !copy.write(chunk)) await once(copy, "drain");
      },
    });
    copy.end();
    await copyDone;
    abortCopy = null;
    if (summary.errorCount === 0 && summary.total === 0) {
      throw new AppError("empty_file", "Nothing was imported: the file holds no records.", 422, [
        { path: "(file)", message: "no records" },
      ]);
    }
    if (summary.errorCount > 0) {
      const shown = summary.errors.length;
      throw new AppError(
        "invalid_records",
        `Nothing was imported: ${summary.errorCount} problem(s) in the file` +
          (summary.errorCount > shown ? ` (the first ${shown} are listed)` : "") +
          (summary.stopped ? "; reading stopped early." : "."),
        422,
        summary.errors.map((e) => ({ path: e.path, message: `line ${e.line}: ${e.message}`, line: e.line })),
      );
    }
    const duplicates = summary.duplicateCount + duplicatesInProject;
    await client.query("UPDATE batches SET item_count = $2, duplicate_count = $3 WHERE id = $1", [
      batchId,
      imported,
      duplicates,
    ]);
    await recordAuditEvent(client, {
      projectId: options.projectId,
      actor: { id: options.userId },
      action: "items.imported",
      target: { type: "batch", id: batchId },
      details: { name: options.batchName, file: options.sourceFileName, imported, duplicates },
    });
    await client.query("COMMIT");
    isOpen = false;
    return {
      batchId,
      imported,
      duplicates,
      duplicatesInFile: summary.duplicateCount,
      duplicatesInProject,
      total: summary.total,
    };
  } catch (error) {
    if (abortCopy) await abortCopy();
    if (isOpen) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    probe?.release();
    client.release();
  }
}
