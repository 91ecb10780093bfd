import "server-only";
import { getPool } from "@/lib/db";
import { collectImport, type TSkippedRecord } from "@/lib/import/collect-import";
import type {
  TImportDialect,
  TImportFormat,
  TImportInput,
  TImportMapping,
  TImportRecord,
} from "@/lib/import/import-types";
import { createAnnotationValidator } from "@/lib/import/validate-annotations";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { AppError, unprocessable } from "@/lib/server/errors";
import { hhFields } from "@/lib/import/dialects/hh-rlhf";
import { findExistingKeys } from "./find-existing-keys";
import { loadCurrentDefinitions } from "./load-current-definitions";
import { writeImportBatch } from "./write-import-batch";

export type TImportItemsInput = {
  projectId: string;
  userId: string;
  input: TImportInput;
  format: TImportFormat;
  /** Whose conventions the file follows (default: Concord's records). */
  dialect?: TImportDialect;
  /** Prodigy: the definition the lines answer; HH-RLHF: the pairwise definition the pairs are for. */
  definitionKey?: string;
  /** "reject" (default): all or nothing. "skip": bad records are left out and listed. */
  onInvalid?: "reject" | "skip";
  mapping?: TImportMapping;
  batchName: string;
  sourceFileName: string | null;
  /** Records per COPY round (default 2000). */
  batchSize?: number;
};

export type TImportItemsResult = {
  /** Null when nothing was new: no empty batch is created. */
  batchId: string | null;
  imported: number;
  annotations: number;
  duplicates: number;
  duplicatesInFile: number;
  duplicatesInProject: number;
  total: number;
  skipped: TSkippedRecord[];
  skippedCount: number;
};

/**
 * Imports a file as one batch, in one transaction. Records stream from the parser into the items,
 * assignments and annotations tables through COPY (write-import-batch.ts), one round of COPYs in
 * flight while the next records are parsed; memory stays at two rounds of records whatever the
 * file's size. Records the project already holds are left out on the way. In reject mode any bad
 * record rolls it all back, the batch row included; in skip mode bad records are listed and left
 * out. A file that adds nothing leaves no batch behind.
 */
export async function importItems(options: TImportItemsInput): Promise<TImportItemsResult> {
  const pool = getPool();
  const client = await pool.connect();
  let isOpen = false;
  let inflight: Promise<void> | null = null;
  try {
    await client.query("BEGIN");
    isOpen = true;
    // One import at a time per project: a second upload of the same file waits, then finds it all present.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('concord:import:' || $1, 0))", [
      options.projectId,
    ]);
    const format = options.dialect && options.dialect !== "concord" ? options.dialect : options.format;
    const batch = await client.query<{ id: string; now: Date }>(
      `INSERT INTO batches (project_id, name, source_file_name, format, created_by_id, item_count, duplicate_count)
       VALUES ($1, $2, $3, $4, $5, 0, 0) RETURNING id, now() AS now`,
      [options.projectId, options.batchName, options.sourceFileName, format, options.userId],
    );
    const batchId = batch.rows[0].id;
    const hasItems = (
      await client.query("SELECT 1 FROM items WHERE project_id = $1 LIMIT 1", [options.projectId])
    ).rowCount;
    const { rows: projectRows } = await client.query<{ overlap: number }>(
      "SELECT overlap FROM projects WHERE id = $1",
      [options.projectId],
    );
    const definitions = await loadCurrentDefinitions(client, options.projectId);
    const specs = new Map([...definitions].map(([key, d]) => [key, d.spec]));
    if (options.dialect === "prodigy" && !definitions.has(options.definitionKey ?? "")) {
      throw unprocessable("The definition Prodigy's lines answer does not exist in this project.", [
        {
          path: "definition",
          message: `no label definition ${JSON.stringify(options.definitionKey ?? null)}`,
        },
      ]);
    }
    if (options.dialect === "hh-rlhf") {
      const fields = hhFields(specs, options.definitionKey);
      if (typeof fields === "string") {
        throw unprocessable("The pairs need one pairwise label definition to fill.", [
          { path: "definition", message: fields },
        ]);
      }
    }
    const target = {
      projectId: options.projectId,
      batchId,
      overlap: projectRows[0].overlap,
      definitions,
      annotators: new Map<string, string>(),
      now: batch.rows[0].now.toISOString(),
    };
    let imported = 0;
    let annotations = 0;
    let duplicatesInProject = 0;
    const onBatch = async (records: TImportRecord[]) => {
      // At most one round in flight: its errors surface here, and memory stays bounded.
      if (inflight) await inflight;
      inflight = null;
      const existing = hasItems ? await findExistingKeys(client, options.projectId, records) : null;
      const fresh = existing
        ? records.filter((r) =>
            r.externalId === null ? !existing.hashes.has(r.contentHash) : !existing.ids.has(r.externalId),
          )
        : records;
      duplicatesInProject += records.length - fresh.length;
      if (fresh.length === 0) return;
      imported += fresh.length;
      const written = await writeImportBatch(client, target, fresh);
      annotations += written.annotations;
      inflight = written.done;
      inflight.catch(() => undefined);
    };
    const summary = await collectImport(options.input, options.format, options.mapping, {
      batchSize: options.batchSize ?? 2000,
      onBatch,
      validate: createAnnotationValidator(specs),
      onInvalid: options.onInvalid,
      dialect: options.dialect
        ? { dialect: options.dialect, definitions: specs, definitionKey: options.definitionKey }
        : undefined,
    });
    if (inflight) await inflight;
    inflight = null;
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
    if (imported === 0) {
      await client.query("ROLLBACK");
      isOpen = false;
    } else {
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
    }
    return {
      batchId: imported === 0 ? null : batchId,
      imported,
      annotations,
      duplicates,
      duplicatesInFile: summary.duplicateCount,
      duplicatesInProject,
      total: summary.total,
      skipped: summary.skipped ?? [],
      skippedCount: summary.skippedCount ?? 0,
    };
  } catch (error) {
    if (inflight) await (inflight as Promise<void>).catch(() => undefined);
    if (isOpen) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
