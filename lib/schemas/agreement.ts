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
