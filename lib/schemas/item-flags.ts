import { z } from "zod";
import { ZBigintId } from "@/lib/schemas/common";

export const ITEM_FLAG_KINDS = ["unclear", "broken", "guideline_question"] as const;
export type TItemFlagKind = (typeof ITEM_FLAG_KINDS)[number];
export const FLAG_KIND_LABELS: Record<TItemFlagKind, string> = {
  unclear: "Unclear",
  broken: "Broken",
  guideline_question: "Guideline question",
};

export const ZItemFlagParams = z.object({ id: z.uuid(), itemId: ZBigintId("must be an item id") });
export const ZFlagParams = z.object({ id: z.uuid(), flagId: ZBigintId("must be a flag id") });

export const ZCreateItemFlagInput = z
  .strictObject({
    kind: z.enum(ITEM_FLAG_KINDS),
    note: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
  })
  .meta({ id: "CreateItemFlagInput" });

export const ZAnswerItemFlagInput = z
  .strictObject({
    answer: z.string().trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters"),
  })
  .meta({ id: "AnswerItemFlagInput" });

export const ZItemFlagsQuery = z.strictObject({
  state: z.enum(["open", "answered", "all"]).default("open"),
});

export const ZItemFlag = z
  .object({
    id: z.string(),
    itemId: z.string(),
    externalId: z.string().nullable(),
    kind: z.enum(ITEM_FLAG_KINDS),
    note: z.string(),
    flaggedBy: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    answer: z.string().nullable(),
    answeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: "ItemFlag" });
export type TItemFlag = z.infer<typeof ZItemFlag>;
