import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";

const ZFieldName = z.string().min(1).max(200);

/** Query of POST /projects/{id}/items: the format (else from Content-Type), batch name, and mapping. */
export const ZImportQuery = z
  .object({
    format: z.enum(["jsonl", "json", "csv"]).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    fileName: z.string().max(255).optional(),
    dataFields: z
      .string()
      .max(10_000)
      .optional()
      .transform((v) =>
        v === undefined
          ? undefined
          : v === "*"
            ? ("*" as const)
            : v
                .split(",")
                .map((f) => f.trim())
                .filter(Boolean),
      )
      .pipe(z.union([z.literal("*"), z.array(ZFieldName)]).optional()),
    idField: ZFieldName.optional(),
    priorityField: ZFieldName.optional(),
    predictionsField: ZFieldName.optional(),
  })
  .strict();
export type TImportQuery = z.infer<typeof ZImportQuery>;

export const ZImportResult = z
  .object({
    batchId: z.string(),
    imported: z.number().int(),
    duplicates: z.number().int(),
    duplicatesInFile: z.number().int(),
    duplicatesInProject: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: "ImportResult" });

export const ZItemsQuery = z
  .object({
    batch: z.uuid().optional(),
    after: ZBigintId("must be an item id").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TItemsQuery = z.infer<typeof ZItemsQuery>;

export const ZItemSummary = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    batchId: z.string(),
    priority: z.number().int(),
    preview: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "ItemSummary" });
export type TItemSummary = z.infer<typeof ZItemSummary>;

export const ZItem = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    batchId: z.string(),
    priority: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    predictions: z.record(z.string(), z.unknown()).nullable(),
    contentHash: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Item" });
export type TItem = z.infer<typeof ZItem>;

export const ZBatch = z
  .object({
    id: z.string(),
    name: z.string(),
    sourceFileName: z.string().nullable(),
    format: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    itemCount: z.number().int(),
    duplicateCount: z.number().int(),
  })
  .meta({ id: "Batch" });
export type TBatch = z.infer<typeof ZBatch>;
