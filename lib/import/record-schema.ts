import { z } from "zod";
import { DEFINITION_KEY_RE } from "@/lib/label-definitions/label-limits";
import { MAX_ANNOTATOR_LENGTH, MAX_EXTERNAL_ID_LENGTH, MAX_PRIORITY, MIN_PRIORITY } from "./record-fields";

/**
 * One record of `POST /projects/{id}/items` (API mode), as a schema for the OpenAPI document.
 * The import itself validates with the hand-written checks in map-record.ts (zod per record is
 * too slow for a million records); a property test keeps the two in agreement on the shape.
 * Not expressed here: the 1 MiB limit on `data` and the text fields a project requires.
 */
export const ZImportItemRecord = z.strictObject({
  externalId: z
    .union([
      z.string().min(1).max(MAX_EXTERNAL_ID_LENGTH),
      z.number().refine((n) => !Number.isInteger(n) || Number.isSafeInteger(n), "too large to be exact"),
    ])
    .nullish()
    .describe("Your id for the item (a number is stored as its decimal text). Unique within the project."),
  data: z
    .record(z.string(), z.unknown())
    .describe("The item's fields, shown to annotators; any JSON object."),
  priority: z
    .number()
    .int()
    .min(MIN_PRIORITY)
    .max(MAX_PRIORITY)
    .nullish()
    .describe("Higher is served first; default 0."),
  predictions: z
    .record(z.string().regex(DEFINITION_KEY_RE), z.unknown())
    .nullish()
    .describe("Model predictions keyed by label definition key."),
  annotations: z
    .array(
      z.strictObject({
        annotator: z
          .union([z.string().min(1).max(MAX_ANNOTATOR_LENGTH), z.number().int()])
          .describe("A user's email, or any other id: an external annotator of the project"),
        values: z
          .record(z.string(), z.unknown())
          .describe("{<definitionKey>: value}, checked against the current versions"),
        createdAt: z.string().nullish().describe("ISO 8601; default: the time of the import"),
      }),
    )
    .nullish()
    .describe("Existing human labels; each counts toward the item's overlap. One per annotator."),
});

export type TImportItemRecord = z.infer<typeof ZImportItemRecord>;
