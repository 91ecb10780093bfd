import { z } from "zod";
import { ZAgreementMetric, ZTrendPoint } from "./agreement";

// Drift over batches and weeks: label distributions and agreement per window.
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
