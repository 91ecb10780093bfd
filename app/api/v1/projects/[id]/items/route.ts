import { apiRoute } from "@/lib/server/api/api-route";
import { requireProjectRole } from "@/lib/server/auth/project-access";
import { badRequest, tooLarge } from "@/lib/server/errors";
import { importItems } from "@/lib/server/items/import-items";
import { limitBytes, maxUploadBytes } from "@/lib/server/items/limit-bytes";
import { listItems } from "@/lib/server/items/list-items";
import { requiredTextFields } from "@/lib/server/items/required-text-fields";
import { ZImportQuery, ZItemsQuery } from "@/lib/schemas/items";
import { ZProjectParams } from "@/lib/schemas/params";

const FORMATS: Record<string, "jsonl" | "json" | "csv"> = {
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/json": "json",
  "text/csv": "csv",
};

export const GET = apiRoute(
  { params: ZProjectParams, query: ZItemsQuery },
  async ({ caller, params, query }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
    return listItems(params.id, query);
  },
);

export const POST = apiRoute(
  { params: ZProjectParams, query: ZImportQuery },
  async ({ caller, params, query, request }) => {
    await requireProjectRole(caller, params.id, ["lead"]);
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
    const textFieldsRequired = await requiredTextFields(params.id);
    const result = await importItems({
      projectId: params.id,
      userId: caller.id,
      input: limitBytes(request.body, maxBytes),
      format,
      mapping: isMapped
        ? {
            dataFields: dataFields ?? "*",
            externalIdField: idField,
            priorityField,
            predictionsField,
            textFieldsRequired,
          }
        : { textFieldsRequired },
      batchName: name ?? fileName ?? `Import ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
      sourceFileName: fileName ?? null,
    });
    return Response.json(result, { status: 201 });
  },
);
