import type {
  TDuplicateInFile,
  TFieldProblem,
  TImportError,
  TImportFormat,
  TImportInput,
  TImportMapping,
  TImportRecord,
  TReadOptions,
} from "./import-types";
import { InFileDuplicates } from "./in-file-duplicates";
import { createRecordMapper, isMappingMode } from "./map-record";
import { readDialectBatches, type TDialectOptions } from "./dialects/read-dialect";
import { checkAnnotationsText } from "./unsafe-record-text";

export type TCollectOptions = {
  /**
   * Receives the valid, non-duplicate records in file order, in batches of `batchSize`; awaited
   * before reading on (backpressure). Not called any more once an error was found: the import is
   * all or nothing, so the caller will roll back anyway. A throw ends the import and propagates.
   */
  onBatch?: (records: TImportRecord[]) => Promise<void> | void;
  /** Errors listed (default 100); reading stops at the first error beyond that. */
  maxErrors?: number;
  /** Duplicates listed (default 1000); all are counted. */
  maxDuplicatesListed?: number;
  /** Records per onBatch call (default 1000). */
  batchSize?: number;
  /**
   * The same externalId twice with different data: an "error" (default: two different items
   * claim one id, and silently keeping the first would lose data) or a "duplicate" (first wins).
   */
  idConflict?: "error" | "duplicate";
  /**
   * Checks that need the project, run on each valid record before duplicate detection, e.g. the
   * prediction values against the label definitions. Returned problems become errors of the line.
   */
  validate?: (record: TImportRecord) => TFieldProblem[] | null | undefined;
  read?: TReadOptions;
  /** Label Studio or Prodigy conventions (default: Concord's records). */
  dialect?: TDialectOptions;
  /**
   * "reject" (default): any bad record means import nothing. "skip": bad records are left out and
   * listed in `skipped`; the valid ones still go to `onBatch`.
   */
  onInvalid?: "reject" | "skip";
  /** Skipped records listed (default 10,000); all are counted. */
  maxSkippedListed?: number;
};

/** A record left out in skip mode, with every problem found in it. */
export type TSkippedRecord = { line: number; errors: TFieldProblem[] };

export type TImportSummary = {
  /** Records read: valid + duplicates + invalid (only up to where reading stopped). */
  total: number;
  /** Valid records that are not duplicates: what the import adds. */
  valid: number;
  /** Records rejected (each has at least one entry in `errors`, unless the list was full). */
  invalid: number;
  /** The first `maxErrors` problems in file order. Any error means: import nothing. */
  errors: TImportError[];
  /** All problems found, listed or not. */
  errorCount: number;
  /** The first `maxDuplicatesListed` duplicates; they are skipped, not errors. */
  duplicatesInFile: TDuplicateInFile[];
  duplicateCount: number;
  /** Reading ended before the end of the input: more than `maxErrors` errors, or a broken file. */
  stopped: boolean;
  /** The line where reading ended early, else null. */
  stoppedAtLine: number | null;
  /** Skip mode only: the records left out (the first `maxSkippedListed`), and how many in all. */
  skipped?: TSkippedRecord[];
  skippedCount?: number;
};

/**
 * Reads, validates and de-duplicates an upload, handing valid records to `onBatch` as it goes,
 * and returns what was found. Memory: one batch of records, plus ~50 bytes per record for the
 * duplicate tables. The caller inserts inside a transaction and rolls back when `errorCount > 0`.
 *
 * CSV without a mapping is imported in mapping mode with every column as a data field.
 */
export async function collectImport(
  input: TImportInput,
  format: TImportFormat,
  mapping: TImportMapping | undefined,
  options: TCollectOptions = {},
): Promise<TImportSummary> {
  const maxErrors = options.maxErrors ?? 100;
  const maxDuplicatesListed = options.maxDuplicatesListed ?? 1000;
  const batchSize = options.batchSize ?? 1000;
  const idConflictIsError = (options.idConflict ?? "error") === "error";
  const effective: TImportMapping | undefined =
    format === "csv" && !isMappingMode(mapping) ? { ...mapping, dataFields: "*" } : mapping;
  const idPath = isMappingMode(effective) ? (effective?.externalIdField ?? "externalId") : "externalId";
  const mapRecord = createRecordMapper(effective);
  const duplicates = new InFileDuplicates();
  const summary: TImportSummary = {
    total: 0,
    valid: 0,
    invalid: 0,
    errors: [],
    errorCount: 0,
    duplicatesInFile: [],
    duplicateCount: 0,
    stopped: false,
    stoppedAtLine: null,
  };
  const isSkipping = options.onInvalid === "skip";
  const skipped: TSkippedRecord[] = [];
  if (isSkipping) {
    summary.skipped = skipped;
    summary.skippedCount = 0;
  }
  const maxSkippedListed = options.maxSkippedListed ?? 10_000;
  /** Records the problems of one bad record; false when reading must stop. */
  const reject = (line: number, problems: readonly TFieldProblem[]): boolean => {
    summary.invalid++;
    if (isSkipping) {
      summary.skippedCount = (summary.skippedCount ?? 0) + 1;
      if (skipped.length < maxSkippedListed) skipped.push({ line, errors: [...problems] });
      return true;
    }
    for (const problem of problems) {
      if (!addError(problem.line ?? line, problem.path, problem.message)) return false;
    }
    return true;
  };
  /** Records an error; false when the list is full and reading must stop. */
  const addError = (line: number, path: string, message: string): boolean => {
    summary.errorCount++;
    if (summary.errors.length >= maxErrors) {
      summary.stopped = true;
      summary.stoppedAtLine = line;
      return false;
    }
    summary.errors.push({ line, path, message });
    return true;
  };

  let pending: TImportRecord[] = [];
  const entryBatches = readDialectBatches(input, format, options.dialect, options.read);
  reading: for await (const entries of entryBatches) {
    for (const entry of entries) {
      if ("error" in entry) {
        if (entry.fatal) {
          addError(entry.line, "(file)", entry.error);
          summary.stopped = true;
          summary.stoppedAtLine = entry.line;
          break reading;
        }
        summary.total++;
        if (!reject(entry.line, entry.problems ?? [{ path: "(record)", message: entry.error }]))
          break reading;
        continue;
      }
      summary.total++;
      const result = mapRecord(entry.raw, entry.line);
      if (!result.ok) {
        if (!reject(entry.line, result.errors)) break reading;
        continue;
      }
      const { record } = result;
      if (entry.annotations !== undefined) {
        const textProblems: TFieldProblem[] = [];
        checkAnnotationsText(entry.annotations, textProblems);
        if (textProblems.length > 0) {
          if (!reject(entry.line, textProblems)) break reading;
          continue;
        }
        record.annotations = entry.annotations;
      }
      const problems = options.validate?.(record);
      if (problems && problems.length > 0) {
        if (!reject(entry.line, problems)) break reading;
        continue;
      }
      const seen = duplicates.check(record, entry.line);
      if (seen.kind === "idConflict" && idConflictIsError) {
        const message = `externalId ${JSON.stringify(record.externalId)} is already used on line ${seen.duplicateOfLine} by a record with different data`;
        if (!reject(entry.line, [{ path: idPath, message }])) break reading;
        continue;
      }
      if (seen.kind !== "new") {
        summary.duplicateCount++;
        if (summary.duplicatesInFile.length < maxDuplicatesListed) {
          const reason = seen.kind === "duplicate" ? seen.reason : "externalId";
          summary.duplicatesInFile.push({ line: entry.line, duplicateOfLine: seen.duplicateOfLine, reason });
        }
        continue;
      }
      summary.valid++;
      if (summary.errorCount > 0 || options.onBatch === undefined) continue;
      pending.push(record);
      if (pending.length >= batchSize) {
        const full = pending;
        pending = [];
        await options.onBatch(full);
      }
    }
  }
  if (summary.errorCount === 0 && pending.length > 0 && options.onBatch !== undefined) {
    await options.onBatch(pending);
  }
  return summary;
}
