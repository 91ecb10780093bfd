import { z } from "zod";

export const ZAgreementMetric = z
  .enum([
    "alpha_nominal",
    "alpha_ordinal",
    "alpha_interval",
    "alpha_masi",
    "span_f1_overlap",
    "span_f1_exact",
    "char_f1_item_macro",
    "both_empty_share",
    "alpha_any_span",
    "exact_match_rate",
    "percent_agreement",
    "alpha_ordinal_ranks",
    "kendall_w_mean",
  ])
  .meta({
    id: "AgreementMetric",
    description:
      "Krippendorff's alpha (nominal: single choice, pairwise; ordinal, interval alongside: rating; MASI distance and " +
      "per option: multi choice); pairwise span F1, SemEval-2021 Task 5's character F1 averaged per item, the share of " +
      "pairs that both marked nothing and alpha of marked / nothing (spans); exact-match rate (free text); observed pair agreement; " +
      "ordinal alpha over (item, response position) units and the mean Kendall's W over items (ranking); ordinal alpha per criterion (rubric).",
  });

const ZInterval = z
  .tuple([z.number(), z.number()])
  .nullable()
  .meta({ description: "Percentile bootstrap 95% interval: items resampled, 1,000 draws, fixed seed" });

export const ZFigure = z
  .object({
    metric: ZAgreementMetric,
    option: z.string().optional().meta({ description: "The option a per-option figure is about" }),
    label: z.string().optional(),
    value: z.number().nullable(),
    ci: ZInterval,
    itemsCompared: z.number().int(),
  })
  .meta({ id: "AgreementFigure" });
export type TFigure = z.infer<typeof ZFigure>;

export const ZTrendPoint = z
  .object({
    window: z.string().meta({ description: "Week start (Monday, ISO date) or batch id" }),
    label: z.string(),
    value: z.number().nullable(),
    ci: ZInterval,
    itemsCompared: z.number().int(),
  })
  .meta({ id: "AgreementTrendPoint" });
export type TTrendPoint = z.infer<typeof ZTrendPoint>;

export const ZAgreementReading = z.enum([
  "reliable",
  "tentative",
  "unreliable",
  "undefined",
  "not_applicable",
]);

export const ZAgreementResult = z
  .object({
    key: z.string(),
    title: z.string(),
    kind: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The definition version; null = all versions together" }),
    metric: ZAgreementMetric,
    metricName: z.string(),
    value: z.number().nullable(),
    ci: ZInterval,
    itemsCompared: z.number().int().meta({ description: "Items labeled by at least two annotators" }),
    annotators: z.number().int().meta({ description: "Annotators with at least one label in this scope" }),
    itemsLabeled: z.number().int(),
    labels: z
      .number()
      .int()
      .meta({ description: "Labels (current annotations, empty optional values left out)" }),
    reading: ZAgreementReading.meta({
      description:
        "Krippendorff: reliable >= 0.800, tentative >= 0.667, unreliable below; not_applicable to raw rates",
    }),
    readingText: z.string(),
    also: z
      .array(ZFigure)
      .meta({ description: "Figures shown alongside (interval alpha, per option, raw agreement)" }),
    trend: z
      .array(ZTrendPoint)
      .optional()
      .meta({ description: "All-versions entries only: the value per week of completion" }),
    criteria: z
      .array(
        z.object({
          key: z.string(),
          title: z.string(),
          metric: z.literal("alpha_ordinal"),
          value: z.number().nullable(),
          ci: ZInterval,
          itemsCompared: z.number().int(),
        }),
      )
      .optional()
      .meta({
        description:
          "Rubrics only: Krippendorff's ordinal alpha per criterion; the entry's own value is the lowest of them",
      }),
  })
  .meta({ id: "AgreementResult" });
export type TAgreementResult = z.infer<typeof ZAgreementResult>;

export const ZAgreementOverview = z
  .object({
    definitions: z.array(ZAgreementResult),
    computedAt: z.string(),
  })
  .meta({ id: "AgreementOverview" });
export type TAgreementOverview = z.infer<typeof ZAgreementOverview>;

export const ZAgreementKeyParams = z.object({ id: z.uuid(), key: z.string().max(64) });

export const ZAgreementDetailQuery = z
  .object({
    version: z
      .union([
        z.literal("all"),
        z
          .string()
          .regex(/^\d{1,9}$/, "must be a version number or all")
          .transform(Number),
      ])
      .default("all"),
  })
  .strict();
export type TAgreementDetailQuery = z.infer<typeof ZAgreementDetailQuery>;

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
          spread: z.number().meta({ description: "Mean absolute difference of its ranks over annotator pairs" }),
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

export const ZDriftWindow = z
  .object({
    window: z.string(),
    label: z.string(),
    labels: z.number().int(),
    distribution: z
      .array(z.number())
      .meta({ description: "Label counts, indexed like the definition's categories" }),
    agreement: ZTrendPoint,
    shift: z
      .object({
        comparedTo: z.string(),
        statistic: z.number(),
        df: z.number().int(),
        pValue: z.number(),
        cramersV: z.number(),
      })
      .nullable(),
    isShifted: z.boolean(),
    isAgreementDrop: z.boolean(),
  })
  .meta({ id: "DriftWindow" });
export type TDriftWindow = z.infer<typeof ZDriftWindow>;

export const ZDefinitionDrift = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.string(),
  metric: ZAgreementMetric,
  categories: z.array(z.object({ value: z.string(), label: z.string() })),
  byBatch: z.array(ZDriftWindow),
  byWeek: z.array(ZDriftWindow),
  anySpan: z
    .object({
      metric: ZAgreementMetric,
      categories: z.array(z.object({ value: z.string(), label: z.string() })),
      byBatch: z.array(ZDriftWindow),
      byWeek: z.array(ZDriftWindow),
    })
    .optional()
    .meta({
      description:
        "Spans only: annotations that marked something or nothing per window, with the item-macro character F1",
    }),
});
export type TDefinitionDrift = z.infer<typeof ZDefinitionDrift>;

export const ZAgreementDrift = z
  .object({
    method: z.object({
      test: z.string(),
      pValueBelow: z.number(),
      minLabels: z.number().int(),
      minCramersV: z.number(),
      agreementRule: z.string(),
    }),
    definitions: z.array(ZDefinitionDrift),
    computedAt: z.string(),
  })
  .meta({ id: "AgreementDrift" });
export type TAgreementDrift = z.infer<typeof ZAgreementDrift>;

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
      }),
    ),
  }),
);
export type TItemAnnotations = z.infer<typeof ZItemAnnotations>;
