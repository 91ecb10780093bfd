import type { TTrendPoint } from "@/lib/schemas/agreement";
import type { TDriftWindow } from "@/lib/schemas/agreement-drift";
import { chiSquareHomogeneity } from "./chi-square";

/**
 * When a window's label distribution counts as shifted from the previous window's: Pearson's
 * chi-square test of homogeneity on the two windows' label counts gives p < 0.01, the shift is not
 * negligible (Cramér's V >= 0.1: with tens of thousands of labels even a 1-point wobble is
 * "significant"), and both windows hold at least 30 labels. The previous window is the nearest
 * earlier one with at least 30 labels.
 *
 * Agreement drops when a window's value falls below the lower end of the previous window's 95%
 * interval; both windows need at least 30 items labeled by two or more annotators.
 */
export const DRIFT_RULES = {
  test: "Pearson's chi-square test of homogeneity between consecutive windows' label counts",
  pValueBelow: 0.01,
  minLabels: 30,
  minCramersV: 0.1,
  minItemsCompared: 30,
  agreementRule:
    "A window's agreement is flagged when it falls below the lower end of the previous window's 95% interval (both windows with at least 30 compared items).",
} as const;

export type TDriftInput = {
  window: string;
  label: string;
  /** Label counts per category; empty when the kind has no categories (free text). */
  distribution: number[];
  agreement: TTrendPoint;
};

export function detectDrift(windows: readonly TDriftInput[]): TDriftWindow[] {
  let previousLabels: TDriftInput | null = null;
  let previousAgreement: TDriftInput | null = null;
  return windows.map((w) => {
    const labels = w.distribution.reduce((a, b) => a + b, 0);
    let shift: TDriftWindow["shift"] = null;
    let isShifted = false;
    if (labels >= DRIFT_RULES.minLabels) {
      if (previousLabels) {
        const test = chiSquareHomogeneity([previousLabels.distribution, w.distribution]);
        if (test) {
          shift = {
            comparedTo: previousLabels.window,
            statistic: test.statistic,
            df: test.df,
            pValue: test.pValue,
            cramersV: test.cramersV,
          };
          isShifted = test.pValue < DRIFT_RULES.pValueBelow && test.cramersV >= DRIFT_RULES.minCramersV;
        }
      }
      previousLabels = w;
    }
    let isAgreementDrop = false;
    const a = w.agreement;
    if (a.itemsCompared >= DRIFT_RULES.minItemsCompared && a.value !== null) {
      const before = previousAgreement?.agreement.ci;
      isAgreementDrop = before != null && a.value < before[0];
      if (a.ci) previousAgreement = w;
    }
    return {
      window: w.window,
      label: w.label,
      labels,
      distribution: w.distribution,
      agreement: a,
      shift,
      isShifted,
      isAgreementDrop,
    };
  });
}
