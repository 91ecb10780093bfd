import { parse as parseCsv } from "csv-parse/browser/esm/sync";
import { readJsonArrayBatches } from "@/lib/import/read-json-array";
import type { TImportFormat } from "@/lib/import/import-types";

export type TFilePreview = {
  format: TImportFormat;
  records: Record<string, unknown>[];
  fields: string[];
  /** The records already have the API shape {externalId?, data, priority?, predictions?}. */
  isApiShape: boolean;
  error: string | null;
};

const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_RECORDS = 5;
const API_KEYS = new Set(["externalId", "data", "priority", "predictions"]);

export function formatOf(fileName: string): TImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

/** Reads only the start of the file, in the browser, to show its first records and their fields. */
export async function previewFile(file: File, format: TImportFormat): Promise<TFilePreview> {
  const head = await file.slice(0, PREVIEW_BYTES).text();
  const isWhole = file.size <= PREVIEW_BYTES;
  // Drop a last line that the slice may have cut in half.
  const text = isWhole ? head : head.slice(0, Math.max(0, head.lastIndexOf("\n")));
  const records: Record<string, unknown>[] = [];
  let error: string | null = null;
  try {
    if (format === "jsonl") {
      for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
        if (!line.trim()) continue;
        records.push(JSON.parse(line) as Record<string, unknown>);
        if (records.length === PREVIEW_RECORDS) break;
      }
    } else if (format === "csv") {
      const rows = parseCsv(text, { columns: true, bom: true, to: PREVIEW_RECORDS, skip_empty_lines: true });
      records.push(...(rows as Record<string, unknown>[]));
    } else {
      const chunks = (async function* () {
        yield head;
      })();
      outer: for await (const batch of readJsonArrayBatches(chunks, {
        batchSize: PREVIEW_RECORDS,
        maxRecordChars: PREVIEW_BYTES,
      })) {
        for (const entry of batch) {
          if ("error" in entry) {
            if (!isWhole && entry.fatal) break outer;
            throw new Error(`line ${entry.line}: ${entry.error}`);
          }
          records.push(entry.raw as Record<string, unknown>);
          if (records.length === PREVIEW_RECORDS) break outer;
        }
      }
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  // Records whose keys are all Concord's own ({externalId?, data, priority?, predictions?}) are in the
  // API shape, even where a bad record's `data` is not an object: the server then names that line.
  const isApiShape =
    format !== "csv" &&
    records.length > 0 &&
    records.every(
      (r) => r && typeof r === "object" && "data" in r && Object.keys(r).every((k) => API_KEYS.has(k)),
    );
  const fields = [...new Set(records.flatMap((r) => (r && typeof r === "object" ? Object.keys(r) : [])))];
  return { format, records, fields, isApiShape, error };
}
