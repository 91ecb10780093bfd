import type { z } from "zod";
import type { TImportDialect } from "@/lib/import/import-types";
import type { ZImportQuery } from "@/lib/schemas/items";
import { dataFieldEntries, type TFieldRow } from "./import-mapping";
import type { TFilePreview } from "./preview-file";

const CONTENT_TYPES = { jsonl: "application/x-ndjson", json: "application/json", csv: "text/csv" } as const;

export type TImportChoices = {
  dialect: TImportDialect;
  /** Prodigy: the definition the lines answer; HH-RLHF: the pairwise definition ("" for the only one). */
  definitionKey: string;
  isSkippingBad: boolean;
  /** The data fields, without the id, priority and predictions fields. */
  rows: readonly TFieldRow[];
  special: { idField: string; priorityField: string; predictionsField: string };
  name: string;
  fileName: string;
};

/**
 * The upload the page sends: the query, the file's Content-Type (Label Studio is a JSON array,
 * Prodigy JSONL, whatever the name says) and, for a gzip file sent as it is on disk, its encoding.
 * Field mapping applies to Concord records that are not in the API's own shape; the API refuses it
 * for the other dialects.
 */
export function importRequest(
  preview: Pick<TFilePreview, "format" | "isApiShape" | "isGzip">,
  choices: TImportChoices,
): { query: z.input<typeof ZImportQuery>; contentType: string; headers: Record<string, string> } {
  const { dialect, special } = choices;
  const query: z.input<typeof ZImportQuery> = {
    format: dialect === "concord" ? preview.format : dialect,
    name: choices.name,
    fileName: choices.fileName,
  };
  if (dialect === "prodigy" || (dialect === "hh-rlhf" && choices.definitionKey !== ""))
    query.definition = choices.definitionKey;
  if (choices.isSkippingBad) query.onInvalid = "skip";
  if (dialect === "concord" && !preview.isApiShape) {
    query.dataFields = dataFieldEntries(choices.rows).join(",");
    if (special.idField) query.idField = special.idField;
    if (special.priorityField) query.priorityField = special.priorityField;
    if (special.predictionsField) query.predictionsField = special.predictionsField;
  }
  const syntax = dialect === "label-studio" ? "json" : dialect === "concord" ? preview.format : "jsonl";
  return {
    query,
    contentType: CONTENT_TYPES[syntax],
    headers: preview.isGzip ? { "content-encoding": "gzip" } : {},
  };
}
