import { z } from "zod";
import { DEFINITION_KEY_RE } from "@/lib/label-definitions/label-limits";
import { ZBigintId } from "@/lib/schemas/common";

const ZFieldName = z.string().min(1).max(200);
const ZDataFieldEntry = ZFieldName.regex(/^[^=]+(=[^=]+)?$/, "a field name, or name=source.path");

/**
 * Query of POST /projects/{id}/items: the format (else from Content-Type), batch name, and mapping.
 * `format` is the file's syntax (jsonl, json, csv) or whose conventions it follows: `concord`
 * (Concord records, syntax from Content-Type), `label-studio` (a JSON export), `prodigy` (JSONL),
 * `hh-rlhf` (JSONL of `{chosen, rejected}` transcripts, each split into a pairwise item).
 */
export const ZImportQuery = z
  .object({
    format: z.enum(["jsonl", "json", "csv", "concord", "label-studio", "prodigy", "hh-rlhf"]).optional(),
    definition: z
      .string()
      .regex(DEFINITION_KEY_RE, "not a label definition key")
      .optional()
      .describe(
        "Prodigy: the label definition the lines answer; hh-rlhf: the pairwise definition whose fields the pairs fill",
      ),
    onInvalid: z
      .enum(["reject", "skip"])
      .optional()
      .describe("reject (default): all or nothing; skip: import the valid records, list the others"),
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
                // `name` copies a field; `name=source.path` renames, with a dotted path into nested objects.
                .split(",")
                .map((f) => f.trim())
                .filter(Boolean),
      )
      .pipe(z.union([z.literal("*"), z.array(ZDataFieldEntry)]).optional()),
    idField: ZFieldName.optional(),
    priorityField: ZFieldName.optional(),
    predictionsField: ZFieldName.optional(),
  })
  .strict();
export type TImportQuery = z.infer<typeof ZImportQuery>;

export const ZImportResult = z
  .object({
    batchId: z.string().nullable().describe("null when nothing was new: no empty batch is made"),
    imported: z.number().int(),
    annotations: z.number().int().describe("labels imported with the items"),
    duplicates: z.number().int(),
    duplicatesInFile: z.number().int(),
    duplicatesInProject: z.number().int(),
    total: z.number().int(),
    skipped: z
      .array(
        z.object({
          line: z.number().int(),
          errors: z.array(
            z.object({ path: z.string(), message: z.string(), line: z.number().int().optional() }),
          ),
        }),
      )
      .describe("onInvalid=skip: the records left out (up to 10,000), each with its problems"),
    skippedCount: z.number().int(),
  })
  .meta({ id: "ImportResult" });

/**
 * Where an item stands. open: nobody started it; in_progress: started, annotations missing; done: all
 * annotations in, some final label unresolved by its rule; resolved: every final label resolved by
 * its rule; adjudicated: a lead decided a final label.
 */
export const ITEM_STATUSES = ["open", "in_progress", "done", "resolved", "adjudicated"] as const;
export type TItemStatus = (typeof ITEM_STATUSES)[number];

const ZCount = z.coerce.number("must be a number").int("must be an integer").min(0).max(1000);
const ZSearchText = z.string().trim().min(1).max(200);

export const ZItemsQuery = z
  .object({
    batch: z.uuid().optional(),
    after: ZBigintId("must be an item id").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    status: z.enum(ITEM_STATUSES).optional(),
    minAnnotations: ZCount.optional(),
    maxAnnotations: ZCount.optional(),
    /** A definition key: only items whose final label for it is resolved (to `labelValue` if given). */
    label: ZFieldName.optional(),
    labelValue: ZSearchText.optional(),
    /** A data field (hidden or not): only items that have it (equal to `value` as text, if given). */
    field: ZFieldName.optional(),
    value: z.string().max(1000).optional(),
    /** Case-insensitive search in the items' text fields. */
    q: ZSearchText.optional(),
  })
  .strict()
  .refine((q) => q.labelValue === undefined || q.label !== undefined, {
    path: ["labelValue"],
    message: "needs label (the definition key)",
  })
  .refine((q) => q.value === undefined || q.field !== undefined, {
    path: ["value"],
    message: "needs field (the data field)",
  });
export type TItemsQuery = z.infer<typeof ZItemsQuery>;

export const ZItemSummary = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    batchId: z.string(),
    batchName: z.string(),
    priority: z.number().int(),
    preview: z.string(),
    createdAt: z.string(),
    status: z.enum(ITEM_STATUSES),
    annotationCount: z.number().int().meta({ description: "Submitted (or imported) annotations" }),
    targetCount: z.number().int().meta({ description: "Annotations the item needs (the overlap)" }),
    finalLabels: z
      .record(z.string(), z.unknown())
      .meta({ description: "Definition key -> final value, for the resolved ones" }),
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
