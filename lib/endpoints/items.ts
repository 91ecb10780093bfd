import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";
import { ZBatch, ZImportQuery, ZImportResult, ZItem, ZItemSummary, ZItemsQuery } from "@/lib/schemas/items";
import { ZProjectParams } from "@/lib/schemas/params";
import { defineEndpoint, rawContent } from "./define-endpoint";

export const listItems = defineEndpoint({
  method: "GET",
  path: "/projects/{id}/items",
  tag: "items",
  summary: "Items in import order, keyset-paginated",
  params: ZProjectParams,
  query: ZItemsQuery,
  responses: { 200: z.object({ items: z.array(ZItemSummary), nextCursor: z.string().nullable() }) },
  examples: { query: { after: "1041", limit: "50" } },
});

export const importItems = defineEndpoint({
  method: "POST",
  path: "/projects/{id}/items",
  tag: "items",
  summary: "Import a file as one batch, all or nothing. 422 lists up to 100 bad lines.",
  params: ZProjectParams,
  query: ZImportQuery,
  rawBody: rawContent("The file", {
    "application/x-ndjson": {
      description: "One record a line: {externalId?, data, priority?, predictions?}",
    },
    "application/json": { description: "A JSON array of such records" },
    "text/csv": { description: "A header row, then one record a row; map fields with the query" },
  }),
  responses: { 201: ZImportResult },
  errors: { 422: "Bad lines, each with its line number, or an empty file" },
  examples: { query: { format: "csv", dataFields: "text", idField: "ticket_id", name: "March tickets" } },
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
