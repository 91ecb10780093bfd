import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";
import { FINAL_LABEL_RULE_KINDS } from "@/lib/final-labels/rules";
import { DEFINITION_KEY_RE } from "@/lib/label-definitions/label-limits";

const ZKey = z.string().regex(DEFINITION_KEY_RE, "must be a label definition key");
const ZItemId = ZBigintId("must be an item id");
const ZBooleanFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const ZDefinitionKeyParams = z.object({ id: z.uuid(), key: ZKey });
export const ZItemParams = z.object({ id: z.uuid(), itemId: ZItemId });

export const ZFinalLabelRuleInput = z
  .strictObject({
    kind: z.enum(FINAL_LABEL_RULE_KINDS),
    minShare: z
      .number()
      .min(0.5, "must be at least 0.5")
      .lt(1, "must be below 1")
      .optional()
      .meta({ description: "majority: the value's share must be more than this (default 0.5)" }),
    minAgreement: z
      .number()
      .gt(0, "must be above 0")
      .max(1, "must be at most 1")
      .optional()
      .meta({ description: "min_agreement: share of agreeing annotator pairs needed (default 1)" }),
    minAnnotations: z
      .number()
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(100, "must be at most 100")
      .optional()
      .meta({ description: "Annotations an item needs before the rule decides (default 1)" }),
  })
  .meta({ id: "FinalLabelRuleInput" });
export type TFinalLabelRuleInput = z.infer<typeof ZFinalLabelRuleInput>;

export const ZFinalLabelRule = z
  .object({
    key: z.string(),
    title: z.string(),
    kind: z.enum(FINAL_LABEL_RULE_KINDS),
    minShare: z.number(),
    minAgreement: z.number(),
    minAnnotations: z.number().int(),
    isDefault: z.boolean(),
    description: z.string(),
  })
  .meta({ id: "FinalLabelRule" });
export type TFinalLabelRuleView = z.infer<typeof ZFinalLabelRule>;

export const ZFinalLabelsQuery = z
  .strictObject({
    state: z.enum(["unresolved", "resolved", "all"]).default("unresolved"),
    definition: ZKey.optional(),
    /** Also items still being labeled (fewer submissions than the project's overlap). */
    includeIncomplete: ZBooleanFlag.default(false),
    after: ZItemId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "FinalLabelsQuery" });
export type TFinalLabelsQuery = z.infer<typeof ZFinalLabelsQuery>;

export const ZFinalLabel = z
  .object({
    isResolved: z.boolean(),
    source: z.enum(["rule", "adjudication"]).nullable(),
    value: z.unknown(),
    isGold: z.boolean(),
    annotationCount: z.number().int(),
    agreement: z.number().nullable(),
    share: z.number().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: "FinalLabel" });

export const ZVote = z.object({ value: z.unknown(), count: z.number().int() });

export const ZFinalLabelsItem = z
  .object({
    itemId: z.string(),
    externalId: z.string().nullable(),
    batchId: z.string(),
    isComplete: z.boolean(),
    preview: z.string().meta({ description: "The first of `previews`" }),
    previews: z
      .array(z.object({ field: z.string().nullable(), text: z.string() }))
      .meta({ description: "The start of each text field the definitions label, by field name" }),
    labels: z.record(z.string(), ZFinalLabel),
    votes: z.record(z.string(), z.array(ZVote)),
  })
  .meta({ id: "FinalLabelsItem" });
export type TFinalLabelsItem = z.infer<typeof ZFinalLabelsItem>;

export const ZFinalLabelsPage = z.object({
  items: z.array(ZFinalLabelsItem),
  nextCursor: z.string().nullable(),
});
export type TFinalLabelsPage = z.infer<typeof ZFinalLabelsPage>;

export const ZAdjudicationInput = z
  .strictObject({
    definition: ZKey,
    value: z.json().nullable().meta({ description: "The final value; it must fit the definition" }),
    note: z.string().max(2000, "must be at most 2000 characters").default(""),
    isGold: z.boolean().default(false).meta({ description: "Mark the value as the item's known answer" }),
  })
  .meta({ id: "AdjudicationInput" });
export type TAdjudicationInput = z.infer<typeof ZAdjudicationInput>;

export const ZItemDecisionsInput = z
  .strictObject({
    decisions: z
      .record(ZKey, ZAdjudicationInput.omit({ definition: true }))
      .refine((d) => Object.keys(d).length > 0, "must decide at least one definition")
      .refine((d) => Object.keys(d).length <= 100, "must decide at most 100 definitions")
      .meta({ description: "The final value per definition key; all are saved, or none" }),
  })
  .meta({ id: "ItemDecisionsInput" });
export type TItemDecisionsInput = z.infer<typeof ZItemDecisionsInput>;

const ZMinCount = z
  .number()
  .int("must be an integer")
  .min(1, "must be at least 1")
  .max(100, "must be at most 100");

export const ZMajorityFilterQuery = z
  .strictObject({
    definition: ZKey,
    includeIncomplete: ZBooleanFlag.default(false),
    minCount: z.coerce
      .number()
      .pipe(ZMinCount)
      .default(1)
      .meta({ description: "The majority value must be given by at least this many annotations" }),
  })
  .meta({ id: "MajorityFilterQuery" });
export type TMajorityFilter = z.infer<typeof ZMajorityFilterQuery>;

export const ZMajorityAccept = z
  .strictObject({
    definition: ZKey,
    includeIncomplete: z.boolean().default(false),
    minCount: ZMinCount.default(1),
    expectedCount: z.number().int("must be an integer").min(0, "must be at least 0").meta({
      description: "The count the preview showed; when the set differs now, nothing is saved (409)",
    }),
  })
  .meta({ id: "MajorityAccept" });
export type TMajorityAccept = z.infer<typeof ZMajorityAccept>;

export const ZMajorityPreview = z
  .object({
    count: z.number().int(),
    sample: z.array(
      z.object({
        itemId: z.string(),
        externalId: z.string().nullable(),
        value: z.unknown(),
        count: z.number().int(),
        total: z.number().int(),
        text: z
          .string()
          .nullable()
          .meta({ description: "The text a spans definition labels (to quote spans)" }),
      }),
    ),
  })
  .meta({ id: "MajorityPreview" });
export type TMajorityPreview = z.infer<typeof ZMajorityPreview>;

export const ZMajorityAccepted = z.object({ accepted: z.number().int() }).meta({ id: "MajorityAccepted" });
export type TMajorityAccepted = z.infer<typeof ZMajorityAccepted>;

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZAdjudication = z
  .object({
    id: z.string(),
    itemId: z.string(),
    definition: z.string(),
    definitionVersion: z.number().int(),
    value: z.unknown(),
    note: z.string(),
    isGold: z.boolean(),
    decidedBy: ZPerson,
    createdAt: z.string(),
  })
  .meta({ id: "Adjudication" });
export type TAdjudication = z.infer<typeof ZAdjudication>;

export const ZItemDecisions = z
  .object({ adjudications: z.array(ZAdjudication) })
  .meta({ id: "ItemDecisions" });
export type TItemDecisions = z.infer<typeof ZItemDecisions>;

export const ZMajority = z
  .object({ value: z.unknown(), count: z.number().int(), total: z.number().int() })
  .nullable()
  .meta({
    id: "Majority",
    description: "The value given more often than any other; null on a tie or without annotations",
  });

export const ZAdjudicationItem = z
  .object({
    item: z.object({
      id: z.string(),
      externalId: z.string().nullable(),
      batchId: z.string(),
      isComplete: z.boolean(),
      data: z.record(z.string(), z.unknown()),
    }),
    definitions: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        kind: z.string(),
        version: z.number().int(),
        spec: z.record(z.string(), z.unknown()),
        rule: z.string(),
        finalLabel: ZFinalLabel,
        majority: ZMajority,
        annotations: z.array(
          z.object({
            annotator: ZPerson,
            value: z.unknown(),
            definitionVersion: z.number().int(),
            createdAt: z.string(),
          }),
        ),
        history: z.array(ZAdjudication),
      }),
    ),
    nextUnresolved: z.string().nullable(),
  })
  .meta({ id: "AdjudicationItem" });
export type TAdjudicationItem = z.infer<typeof ZAdjudicationItem>;

export const ZGoldAccuracy = z
  .object({
    definitions: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        goldItems: z.number().int(),
        annotators: z.array(
          z.object({
            userId: z.string(),
            name: z.string(),
            email: z.string(),
            answered: z.number().int(),
            correct: z.number().int(),
            accuracy: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "GoldAccuracy" });
export type TGoldAccuracy = z.infer<typeof ZGoldAccuracy>;
