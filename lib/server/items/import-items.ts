import "server-only";
import { once } from "node:events";
import { from as copyFrom } from "pg-copy-streams";
import { getPool } from "@/lib/db";
import { collectImport } from "@/lib/import/collect-import";
import type { TImportFormat, TImportInput, TImportMapping } from "@/lib/import/import-types";
import { AppError } from "@/lib/server/errors";
import { copyField } from "./copy-text";

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
 * Imports a file as one batch, all or nothing. Records stream from the parser into a temporary
 * table through COPY (raw SQL on purpose: COPY is what makes a million rows a matter of seconds),
 * then one INSERT … SELECT adds those that are new to the project. Any bad record rolls it all back.
 */
export async function importItems(options: TImportItemsInput): Promise<TImportItemsResult> {
  const client = await getPool().connect();
  let isOpen = false;
  let abortCopy: (() => Promise<void>) | null = null;
  try {
    await client.query("BEGIN");
    isOpen = true;
    // One import at a time per project, so two uploads of the same file cannot both add it.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('concord:import:' || $1, 0))", [
      options.projectId,
    ]);
    await client.query(`CREATE TEMP TABLE import_stage (
        ord bigint NOT NULL, external_id text, content_hash text NOT NULL, data jsonb NOT NULL,
        predictions jsonb, priority integer NOT NULL) ON COMMIT DROP`);
    const copy = client.query(copyFrom("COPY import_stage FROM STDIN"));
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on("finish", resolve);
      copy.on("error", reject);
    });
    // A failure while reading the upload (too large, cut off) must end COPY before ROLLBACK.
    abortCopy = async () => {
      copy.destroy(new Error("import aborted"));
      await copyDone.catch(() => undefined);
    };
    let ord = 0;
    const summary = await collectImport(options.input, options.format, options.mapping, {
      batchSize: 2000,
      onBatch: async (records) => {
        let chunk = "";
        for (const r of records) {
          ord += 1;
          chunk += `${ord}\t${copyField(r.externalId)}\t${r.contentHash}\t${copyField(r.dataJson)}\t${copyField(
            r.predictions ? JSON.stringify(r.predictions) : null,
          )}\t${r.priority}\n`;
        }
        if (!copy.write(chunk)) await once(copy, "drain");
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
      await client.query("ROLLBACK");
      isOpen = false;
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
    const batch = await client.query<{ id: string }>(
      `INSERT INTO batches (project_id, name, source_file_name, format, created_by_id, item_count, duplicate_count)
       VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id`,
      [options.projectId, options.batchName, options.sourceFileName, options.format, options.userId],
    );
    const batchId = batch.rows[0].id;
    // A record duplicates an item of the project with its external id, or, when it has none, with its content.
    const inserted = await client.query(
      `INSERT INTO items (project_id, batch_id, external_id, content_hash, data, predictions, priority)
       SELECT $1, $2, s.external_id, s.content_hash, s.data, s.predictions, s.priority
         FROM import_stage s
        WHERE CASE WHEN s.external_id IS NOT NULL
                   THEN NOT EXISTS (SELECT 1 FROM items i WHERE i.project_id = $1 AND i.external_id = s.external_id)
                   ELSE NOT EXISTS (SELECT 1 FROM items i WHERE i.project_id = $1 AND i.content_hash = s.content_hash)
              END
        ORDER BY s.ord`,
      [options.projectId, batchId],
    );
    const imported = inserted.rowCount ?? 0;
    const duplicatesInProject = ord - imported;
    const duplicates = summary.duplicateCount + duplicatesInProject;
    await client.query("UPDATE batches SET item_count = $2, duplicate_count = $3 WHERE id = $1", [
      batchId,
      imported,
      duplicates,
    ]);
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
    client.release();
  }
}
