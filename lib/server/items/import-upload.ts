import "server-only";
import { badRequest, tooLarge } from "@/lib/server/errors";
import type { TImportQuery } from "@/lib/schemas/items";
import { importItems } from "./import-items";
import { limitBytes, maxUploadBytes } from "./limit-bytes";
import { requiredDataFields } from "./required-text-fields";

const FORMATS: Record<string, "jsonl" | "json" | "csv"> = {
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/json": "json",
  "text/csv": "csv",
};

/** An uploaded file, streamed into one batch: its format from the query or its Content-Type. */
export async function importUpload(projectId: string, userId: string, query: TImportQuery, request: Request) {
  const contentType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
  const format = query.format ?? FORMATS[contentType];
  if (!format) {
    throw badRequest(
      "Say what the file is: Content-Type application/x-ndjson, application/json or text/csv, or ?format=.",
      [{ path: "format", message: "unknown format" }],
    );
  }
  const maxBytes = maxUploadBytes();
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    throw tooLarge(`The upload is larger than the limit of ${maxBytes} bytes.`);
  }
  if (!request.body) throw badRequest("The body is empty.", [{ path: "(body)", message: "missing" }]);
  const { name, fileName, dataFields, idField, priorityField, predictionsField } = query;
  const isMapped = Boolean(dataFields || idField || priorityField || predictionsField || format === "csv");
  const required = await requiredDataFields(projectId);
  const textFieldsRequired = required.text;
  const responsesFieldsRequired = required.responses;
  return importItems({
    projectId,
    userId,
    input: limitBytes(request.body, maxBytes),
    format,
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
