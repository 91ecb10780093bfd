import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";
import { ZBatch, ZImportQuery, ZImportResult, ZItem, ZItemSummary, ZItemsQuery } from "@/lib/schemas/items";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint, rawContent } from "./define-endpoint";

export const listItems = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/items",
  tag: "items",
  summary:
    "Items in import order with status, annotation count, final labels and batch; filters; keyset-paginated. " +
    "A page may hold fewer items than `limit` when filters match rarely: follow `nextCursor` until it is null.",
  params: ZProjectParams,
  query: ZItemsQuery,
  responses: { 200: z.object({ items: z.array(ZItemSummary), nextCursor: z.string().nullable() }) },
  examples: { query: { after: "1041", limit: "50", status: "done", q: "refund" } },
});

export const importItems = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/items",
  tag: "items",
  summary:
    "Import a file as one batch, with the labels it carries: Concord records, a Label Studio JSON export " +
    "(?format=label-studio), Prodigy JSONL (?format=prodigy&definition=<key>) or HH-RLHF preference pairs " +
    "(?format=hh-rlhf: the shared turns become the prompt conversation, the two continuations a pairwise item's sides); " +
    "gzip bodies are read the same. " +
    "All or nothing (422 lists up to 100 problems, each with its line and field), or ?onInvalid=skip.",
  params: ZProjectParams,
  query: ZImportQuery,
  rawBody: rawContent("The file", {
    "application/x-ndjson": {
      description:
        "One record a line: {externalId?, data, priority?, predictions?, annotations?: [{annotator, values, createdAt?}]}; " +
        "or Prodigy lines with ?format=prodigy, or {chosen, rejected} transcripts with ?format=hh-rlhf. Content-Encoding: gzip (or a .gz body) is decompressed.",
    },
    "application/json": {
      description: "A JSON array of such records, or a Label Studio export with ?format=label-studio",
    },
    "text/csv": { description: "A header row, then one record a row; map fields with the query" },
  }),
  responses: { 201: ZImportResult },
  errors: {
    400: "An unknown format or content encoding, a broken gzip body, format=prodigy without definition",
    413: "Larger than the upload limit (after decompression)",
    422: "Bad lines (for HH-RLHF a missing or non-string chosen/rejected, or no shared Human/Assistant turns), each with its line number and field (for Label Studio the task and result index), or an empty file",
  },
  examples: {
    query: {
      format: "csv",
      dataFields: "text=body,source=meta.source",
      idField: "ticket_id",
      name: "March tickets",
      onInvalid: "skip",
    },
    response: {
      batchId: "6f1c0d3e-2b7a-4c1e-9a55-0f3b2d1c4e5a",
      imported: 2310,
      annotations: 6930,
      duplicates: 0,
      duplicatesInFile: 0,
      duplicatesInProject: 0,
      total: 2312,
      skipped: [
        { line: 118, errors: [{ path: "data.text", message: "text field 'text' is empty" }] },
        {
          line: 2045,
          errors: [
            {
              path: "annotations.1.values.sentiment",
              message: '"meh" is not one of the options of "sentiment": pos, neg',
            },
          ],
        },
      ],
      skippedCount: 2,
    },
  },
});

export const getItem = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/items/{itemId}",
  tag: "items",
  summary: "One item",
  params: z.object({ id: z.uuid(), itemId: ZBigintId() }),
  responses: { 200: ZItem },
});

export const listBatches = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/batches",
  tag: "items",
  summary: "Import batches, newest first",
  params: ZProjectParams,
  responses: { 200: z.object({ batches: z.array(ZBatch) }) },
});
