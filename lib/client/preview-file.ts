import { parse as parseCsv } from "csv-parse/browser/esm/sync";
import { readJsonArrayBatches } from "@/lib/import/read-json-array";
import type { TImportDialect, TImportFormat } from "@/lib/import/import-types";
import { readFileText } from "./read-file-text";
import { isPlainObject } from "@/lib/import/record-fields";

export type TFilePreview = {
  /** The file's syntax, from its name (without `.gz`), else from its first character. */
  format: TImportFormat;
  /** Whose conventions the records seem to follow; the page lets the lead override it. */
  dialect: TImportDialect;
  isGzip: boolean;
  records: Record<string, unknown>[];
  /** The top-level fields of the first records, in the order first seen. */
  fields: string[];
  /** The records already have the API shape {externalId?, data, priority?, predictions?, annotations?}. */
  isApiShape: boolean;
  /** False when the file cannot be sent at all: an unknown format, or not gzip though it starts as gzip. */
  isReadable: boolean;
  error: string | null;
};

const PREVIEW_CHARS = 256 * 1024;
const PREVIEW_RECORDS = 5;
const API_KEYS = new Set(["externalId", "data", "priority", "predictions", "annotations"]);

/** The syntax a file name says, looking through a `.gz` ending. */
export function formatOf(fileName: string): TImportFormat | null {
  const lower = fileName.toLowerCase().replace(/\.gz$/, "");
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

/** A file without a telling name: a JSON array starts with `[`, JSONL with `{`. */
export function sniffFormat(text: string): TImportFormat | null {
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  return first === "[" ? "json" : first === "{" ? "jsonl" : null;
}

/**
 * Whose records these are: Prodigy lines carry `_input_hash`; HH-RLHF lines are exactly
 * `{chosen, rejected}`; a Label Studio export is a JSON array
 * of tasks whose `data` sits beside Label Studio's own keys (`id`, `annotations` with `result`).
 */
export function detectDialect(records: readonly unknown[], format: TImportFormat): TImportDialect {
  const objects = records.filter(isPlainObject);
  if (objects.length === 0 || format === "csv") return "concord";
  if (format === "jsonl" && objects.every((r) => "_input_hash" in r)) return "prodigy";
  if (format === "jsonl" && objects.every((r) => Object.keys(r).sort().join() === "chosen,rejected"))
    return "hh-rlhf";
  const isTask = (r: Record<string, unknown>) =>
    isPlainObject(r.data) &&
    (("id" in r && !isApiShape([r])) ||
      (Array.isArray(r.annotations) &&
        r.annotations.some((a) => isPlainObject(a) && Array.isArray(a.result))));
  if (format === "json" && objects.every(isTask)) return "label-studio";
  return "concord";
}

// Records whose keys are all Concord's own are in the API shape, even where a bad record's `data`
// is not an object: the server then names that line.
function isApiShape(records: readonly unknown[]): boolean {
  return (
    records.length > 0 &&
    records.every((r) => isPlainObject(r) && "data" in r && Object.keys(r).every((k) => API_KEYS.has(k)))
  );
}

/**
 * The first records of the start of a file; `isWhole` when the text is all of it. A broken record
 * ends the preview with its line named, keeping the records before it.
 */
export async function parsePreviewRecords(
  head: string,
  isWhole: boolean,
  format: TImportFormat,
): Promise<{ records: Record<string, unknown>[]; error: string | null }> {
  const records: Record<string, unknown>[] = [];
  try {
    await readPreviewRecords(head, isWhole, format, records);
    return { records, error: null };
  } catch (e) {
    return { records, error: e instanceof Error ? e.message : String(e) };
  }
}

async function readPreviewRecords(
  head: string,
  isWhole: boolean,
  format: TImportFormat,
  records: Record<string, unknown>[],
): Promise<void> {
  // Drop a last line that the cut may have split in half.
  const text = isWhole ? head : head.slice(0, Math.max(0, head.lastIndexOf("\n")));
  if (format === "jsonl") {
    let line = 0;
    for (const row of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
      line += 1;
      if (!row.trim()) continue;
      try {
        records.push(JSON.parse(row) as Record<string, unknown>);
      } catch (e) {
        throw new Error(`line ${line}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (records.length === PREVIEW_RECORDS) break;
    }
  } else if (format === "csv") {
    const rows = parseCsv(text, { columns: true, bom: true, to: PREVIEW_RECORDS, skip_empty_lines: true });
    records.push(...(rows as Record<string, unknown>[]));
  } else {
    const chunks = (async function* () {
      yield head;
    })();
    for await (const batch of readJsonArrayBatches(chunks, {
      batchSize: PREVIEW_RECORDS,
      maxRecordChars: PREVIEW_CHARS,
    })) {
      for (const entry of batch) {
        if ("error" in entry) {
          if (!isWhole && entry.fatal) return;
          throw new Error(`line ${entry.line}: ${entry.error}`);
        }
        records.push(entry.raw as Record<string, unknown>);
        if (records.length === PREVIEW_RECORDS) return;
      }
    }
  }
}

/** Reads only the start of the file (decompressed when it is gzip), in the browser, to show its first records. */
export async function previewFile(file: Blob & { name: string }): Promise<TFilePreview> {
  const empty = {
    records: [],
    fields: [],
    isApiShape: false,
    dialect: "concord" as const,
    isReadable: false,
  };
  let head: Awaited<ReturnType<typeof readFileText>>;
  try {
    head = await readFileText(file, PREVIEW_CHARS);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ...empty,
      format: formatOf(file.name) ?? "jsonl",
      isGzip: true,
      error: `not valid gzip (${reason})`,
    };
  }
  const format = formatOf(file.name) ?? sniffFormat(head.text);
  if (!format) {
    return {
      ...empty,
      format: "jsonl",
      isGzip: head.isGzip,
      error: "Unknown format: choose a .jsonl, .json or .csv file (or one of them as .gz).",
    };
  }
  const { records, error } = await parsePreviewRecords(head.text, head.isWhole, format);
  const fields = [...new Set(records.flatMap((r) => (isPlainObject(r) ? Object.keys(r) : [])))];
  return {
    format,
    dialect: detectDialect(records, format),
    isGzip: head.isGzip,
    records,
    fields,
    isApiShape: format !== "csv" && isApiShape(records),
    isReadable: true,
    error,
  };
}
