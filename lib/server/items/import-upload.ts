import "server-only";
import { badRequest, tooLarge } from "@/lib/server/errors";
import type { TImportDialect, TImportFormat } from "@/lib/import/import-types";
import type { TImportQuery } from "@/lib/schemas/items";
import { gunzipUpload } from "./gunzip-upload";
import { importItems } from "./import-items";
import { limitBytes, maxUploadBytes } from "./limit-bytes";
import { requiredDataFields } from "./required-text-fields";

const FORMATS: Record<string, "jsonl" | "json" | "csv"> = {
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/json": "json",
  "text/csv": "csv",
};

/** The file's syntax and whose conventions it follows, from ?format= and the Content-Type. */
function resolveFormat(
  query: TImportQuery,
  contentType: string,
): { format: TImportFormat; dialect: TImportDialect } | null {
  const fromType = FORMATS[contentType] as TImportFormat | undefined;
  switch (query.format) {
    case "label-studio":
      return { format: "json", dialect: "label-studio" };
    case "prodigy":
      return { format: "jsonl", dialect: "prodigy" };
    case "hh-rlhf":
      return { format: "jsonl", dialect: "hh-rlhf" };
    case "concord":
    case undefined:
      return fromType ? { format: fromType, dialect: "concord" } : null;
    default:
      return { format: query.format, dialect: "concord" };
  }
}

/** An uploaded file, streamed into one batch: its format from the query or its Content-Type. */
export async function importUpload(projectId: string, userId: string, query: TImportQuery, request: Request) {
  const contentType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
  const resolved = resolveFormat(query, contentType);
  if (!resolved) {
    throw badRequest(
      "Say what the file is: Content-Type application/x-ndjson, application/json or text/csv, or ?format=.",
      [{ path: "format", message: "unknown format" }],
    );
  }
  const { format, dialect } = resolved;
  if (dialect === "prodigy" && !query.definition) {
    throw badRequest("Prodigy lines answer one label definition: name it with ?definition=<key>.", [
      { path: "definition", message: "required with format=prodigy" },
    ]);
  }
  const maxBytes = maxUploadBytes();
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    throw tooLarge(`The upload is larger than the limit of ${maxBytes} bytes.`);
  }
  if (!request.body) throw badRequest("The body is empty.", [{ path: "(body)", message: "missing" }]);
  const { name, fileName, dataFields, idField, priorityField, predictionsField } = query;
  const isMapped = Boolean(dataFields || idField || priorityField || predictionsField || format === "csv");
  if (isMapped && dialect !== "concord") {
    throw badRequest(
      "Field mapping applies to Concord records, not to Label Studio, Prodigy or HH-RLHF files.",
      [{ path: "dataFields", message: `not with format=${dialect}` }],
    );
  }
  const required = await requiredDataFields(projectId);
  const textFieldsRequired = required.text;
  const responsesFieldsRequired = required.responses;
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase() ?? "";
  if (encoding !== "" && encoding !== "identity" && encoding !== "gzip") {
    throw badRequest("Only gzip bodies are understood.", [
      { path: "content-encoding", message: "unsupported" },
    ]);
  }
  return importItems({
    projectId,
    userId,
    input: gunzipUpload(limitBytes(request.body, maxBytes), encoding === "gzip", maxBytes),
    format,
    dialect,
    definitionKey: query.definition,
    onInvalid: query.onInvalid,
    mapping: isMapped
      ? {
          dataFields: dataFields ?? "*",
          externalIdField: idField,
          priorityField,
          predictionsField,
          textFieldsRequired,
          responsesFieldsRequired,
        }
      : { textFieldsRequired, responsesFieldsRequired },
    batchName: name ?? fileName ?? `Import ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
    sourceFileName: fileName ?? null,
  });
}
