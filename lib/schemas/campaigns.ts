import { z } from "zod";
import { ZEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { ZBigintId, ZName } from "@/lib/schemas/common";
import { DEFINITION_KEY_RE } from "@/lib/label-definitions/label-limits";

const ZKey = z.string().regex(DEFINITION_KEY_RE, "must be a label definition key");
const ZItemId = ZBigintId("must be an item id");

/**
 * Which items a campaign relabels: the eval-set filter's fields, or one of the other sources a lead
 * starts from (ids, a drift-flagged week, an eval-set version, the disagreements list). One source
 * at a time; a batch is the filter's `batches`.
 */
export const ZCampaignSelection = z
  .strictObject({
    ...ZEvalSetFilter.shape,
    itemIds: z.array(ZItemId).max(100_000).optional().meta({ description: "These items" }),
    week: z.iso
      .date()
      // The ISO pattern takes year 0000, which PostgreSQL's date has not (it was a 500).
      .refine((d) => !d.startsWith("0000-"), "must be a date from year 1 on")
      .optional()
      .meta({
        description:
          "Items whose latest annotation of the definition falls in the week starting that Monday (UTC), as the drift report groups them",
      }),
    evalSetVersion: z
      .strictObject({ evalSetId: z.uuid(), version: z.number().int().min(1) })
      .optional()
      .meta({ description: "The items of a frozen eval-set version" }),
    disagreements: z
      .literal(true)
      .optional()
      .meta({ description: "Items whose annotators gave the definition different values" }),
  })
  .meta({ id: "CampaignSelection" });
export type TCampaignSelection = z.infer<typeof ZCampaignSelection>;

export const CAMPAIGN_SOURCES = ["itemIds", "week", "evalSetVersion", "disagreements"] as const;

export const ZCreateCampaignInput = z
  .strictObject({
    name: ZName,
    definitionKey: ZKey,
    filter: ZCampaignSelection,
    overlap: z.number().int().min(1).max(50).optional().meta({
      description: "Distinct annotators each item needs in the campaign (default: the project's overlap)",
    }),
    serve: z.enum(["before", "after"]).optional().meta({
      description: "Serve campaign work before the project's ordinary work (default) or after it",
    }),
  })
  .meta({ id: "CreateCampaignInput" });
export type TCreateCampaignInput = z.infer<typeof ZCreateCampaignInput>;

export const ZCampaignParams = z.object({ id: z.uuid(), campaignId: z.uuid() });

export const ZCampaign = z
  .object({
    id: z.string(),
    name: z.string(),
    definitionKey: z.string(),
    fromVersions: z
      .array(z.number().int())
      .meta({ description: "The versions the items' labels had when the campaign started" }),
    version: z.number().int().meta({ description: "The version the campaign relabels toward" }),
    overlap: z.number().int(),
    serve: z.enum(["before", "after"]),
    selection: z.record(z.string(), z.unknown()),
    items: z.number().int(),
    progress: z.object({
      itemsDone: z.number().int().meta({ description: "Items that reached the campaign's overlap" }),
      annotations: z.number().int().meta({ description: "Relabels submitted" }),
      annotationsNeeded: z.number().int(),
      leased: z.number().int(),
    }),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: "Campaign" });
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCreatedCampaign = z.object({ id: z.string(), items: z.number().int() });

export const ZTransitionsQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
  campaign: z.uuid().optional().meta({ description: "Only the items of this campaign" }),
});

export const ZTransitionCell = z.object({
  from: z.string().meta({ description: "The final value under `from`, as canonical JSON" }),
  to: z.string().meta({ description: "The final value under `to`, as canonical JSON" }),
  count: z.number().int(),
  itemIds: z.array(z.string()).meta({ description: "Up to 50 of the items, for links" }),
  externalIds: z
    .array(z.string().nullable())
    .meta({ description: "The external ids of those items, in the same order (null where none)" }),
});

export const ZTransitions = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    items: z.number().int().meta({ description: "Items with a final label under both versions" }),
    changed: z.number().int().meta({ description: "Of those, items whose final label differs" }),
    matrix: z.array(ZTransitionCell),
  })
  .meta({ id: "LabelTransitions" });
export type TTransitions = z.infer<typeof ZTransitions>;

export const ZVersionImpact = z
  .object({
    currentVersion: z.number().int(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        items: z.number().int().meta({ description: "Items holding current annotations under this version" }),
      }),
    ),
  })
  .meta({ id: "DefinitionVersionImpact" });
export type TVersionImpact = z.infer<typeof ZVersionImpact>;
