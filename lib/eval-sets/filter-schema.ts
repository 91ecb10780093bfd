/**
 * The filter that defines an eval set (shared by the server and the filter form). `{}` is every
 * item of the project with a final label for every required definition; each field narrows that.
 * Unknown fields are rejected (strict objects), as the API contract asks.
 */
import { z } from "zod";
import { DEFINITION_KEY_RE } from "@/lib/label-definitions/label-limits";

const ZKey = z.string().regex(DEFINITION_KEY_RE, "must be a label definition key");
export const MAX_SAMPLE_SIZE = 10_000_000;

export const RESOLUTION_STATES = ["resolved", "automatic", "adjudicated", "any"] as const;
export type TResolutionState = (typeof RESOLUTION_STATES)[number];

export const ZSample = z
  .strictObject({
    size: z.number().int().min(1).max(MAX_SAMPLE_SIZE),
    seed: z.union([z.number().int(), z.string().max(100)]).default(0),
    /** A definition key: the sample keeps the share of each of its final values. */
    stratifyBy: ZKey.optional(),
  })
  .meta({ description: "A deterministic sample of the matching items: the same seed, the same items" });
export type TSample = z.infer<typeof ZSample>;

export const ZEvalSetFilter = z
  .strictObject({
    batches: z.array(z.uuid()).min(1).max(1000).optional().meta({ description: "Items of these batches" }),
    definitions: z
      .array(ZKey)
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "The labels the set carries (default: every definition of the project)" }),
    definitionVersions: z
      .record(ZKey, z.array(z.number().int().min(1)).min(1).max(1000))
      .optional()
      .meta({
        description: "Only items whose annotations of a definition all answered one of these versions",
      }),
    resolution: z
      .enum(RESOLUTION_STATES)
      .optional()
      .meta({
        description:
          "resolved (default): a final label for every required definition; automatic: all by the rule; " +
          "adjudicated: at least one by a lead; any: also unresolved items (their labels are null)",
      }),
    minItemAgreement: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: "Share of agreeing annotator pairs each label of the item must reach" }),
    labels: z
      .record(ZKey, z.array(z.json()).min(1).max(1000))
      .optional()
      .meta({ description: "Only items whose final label is one of these values" }),
    sample: ZSample.optional(),
  })
  .meta({ id: "EvalSetFilter" });
export type TEvalSetFilter = z.infer<typeof ZEvalSetFilter>;
