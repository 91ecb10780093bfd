import { z } from "zod";
import { ZAgreementResult, ZFigure } from "./agreement";

// The drill-down of one definition: annotators, pairs, disagreements and (pairwise) position bias.
export const ZAnnotatorAgreement = z
  .object({
    id: z
      .string()
      .meta({ description: "A user id for leads; a stable pseudonym (a1, a2, ...) for engineers" }),
    name: z.string(),
    labels: z.number().int(),
    itemsShared: z
      .number()
      .int()
      .meta({ description: "Items this annotator labeled along with someone else" }),
    agreement: z.number().nullable().meta({ description: "Share of pairs with the others that agree" }),
    kappa: z
      .number()
      .nullable()
      .meta({ description: "Cohen's kappa of this annotator against the others, pooled" }),
  })
  .meta({ id: "AnnotatorAgreement" });
export type TAnnotatorAgreement = z.infer<typeof ZAnnotatorAgreement>;

export const ZPairCell = z.object({
  a: z.string(),
  b: z.string(),
  items: z.number().int(),
  kappa: z.number().nullable(),
  agreement: z.number().nullable(),
});
export type TPairCell = z.infer<typeof ZPairCell>;

export const ZDisagreementItem = z
  .object({
    itemId: z.string(),
    externalId: z.string().nullable(),
    preview: z.string(),
    agreement: z.number().meta({
      description:
        "Share of annotator pairs on the item that agree (spans: their mean character F1, 1 when both marked nothing)",
    }),
    labels: z.array(z.object({ annotator: z.string(), value: z.string() })),
    spans: z
      .object({
        disagreement: z.enum(["one_marked", "different_places"]).meta({
          description:
            "one_marked: some annotators marked something and others nothing; different_places: all marked, not the same characters",
        }),
        text: z.string().meta({ description: "The item's text the spans index into" }),
        labels: z.array(
          z.object({
            annotator: z.string(),
            spans: z.array(
              z.object({
                start: z.number().int(),
                end: z.number().int(),
                label: z.string(),
                title: z.string(),
              }),
            ),
          }),
        ),
      })
      .optional()
      .meta({ description: "Spans only: the text and each annotator's spans, to show them in place" }),
    responses: z
      .array(
        z.object({
          position: z.number().int().meta({ description: "0-based place in the item's responses" }),
          text: z.string(),
          meanRank: z.number(),
          spread: z
            .number()
            .meta({ description: "Mean absolute difference of its ranks over annotator pairs" }),
        }),
      )
      .optional()
      .meta({ description: "Rankings only: the item's responses, the most disputed first" }),
  })
  .meta({ id: "DisagreementItem" });
export type TDisagreementItem = z.infer<typeof ZDisagreementItem>;

export const ZDefinitionAgreement = z
  .object({
    key: z.string(),
    title: z.string(),
    kind: z.string(),
    version: z.number().int().nullable(),
    versions: z.array(z.number().int()).meta({ description: "Versions with annotations" }),
    summary: ZAgreementResult,
    perOption: z
      .array(ZFigure)
      .meta({ description: "One option against the rest (spans: F1 per entity label)" }),
    categories: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
    confusion: z.array(z.array(z.number())).nullable().meta({
      description: "Pairs of labels two annotators gave one item, indexed like categories; symmetric",
    }),
    annotators: z.array(ZAnnotatorAgreement),
    matrix: z.object({
      annotators: z.array(z.string()).meta({ description: "The most active annotators, by id" }),
      statistic: z.enum(["kappa", "kappa_linear", "f1", "exact_match"]),
      cells: z.array(ZPairCell),
    }),
    disagreements: z.array(ZDisagreementItem),
    positionBias: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          left: z.number().int().meta({ description: "Answers choosing the side shown on the left" }),
          answered: z.number().int().meta({ description: "Answers choosing a side (ties left out)" }),
          leftShare: z.number().nullable(),
          flipped: z.number().int().meta({ description: "Of those, answers given with B shown on the left" }),
          pValue: z.number().nullable().meta({ description: "Exact binomial test of a 50% left share" }),
        }),
      )
      .optional()
      .meta({ description: "Pairwise only: each annotator's share of answers for the side shown left" }),
  })
  .meta({ id: "DefinitionAgreement" });
export type TDefinitionAgreement = z.infer<typeof ZDefinitionAgreement>;

export const ZItemAnnotations = z.array(
  z.object({
    key: z.string(),
    title: z.string(),
    kind: z.string(),
    labels: z.array(
      z.object({
        annotator: z.string(),
        value: z.string(),
        version: z.number().int(),
        revision: z.number().int(),
        at: z.string(),
        importedFrom: z
          .object({ batchId: z.string(), batchName: z.string() })
          .nullable()
          .meta({ description: "The import batch the label came in with; null when it was made in Concord" }),
      }),
    ),
  }),
);
export type TItemAnnotations = z.infer<typeof ZItemAnnotations>;
