import "server-only";
import { DRIFT_RULES } from "@/lib/drift/detect-drift";
import { primaryMetric } from "@/lib/agreement/label-values";
import { patternDrift, spanDrift } from "@/lib/agreement/report-drift";
import type { TAgreementDrift } from "@/lib/schemas/agreement-drift";
import { cachedByStamp } from "./agreement-cache";
import { announceDriftFlags } from "./announce-drift-flags";
import { loadProjectAnalysis, type TProjectAnalysis } from "./load-project-analysis";

/** Per definition, label distribution and agreement per batch and per week, with drift flags. */
export async function getAgreementDrift(projectId: string): Promise<TAgreementDrift> {
  return agreementDriftOf(projectId, await loadProjectAnalysis(projectId));
}

/** The drift of an analysis a caller already loaded (see agreementOverviewOf). */
export function agreementDriftOf(projectId: string, analysis: TProjectAnalysis): Promise<TAgreementDrift> {
  return cachedByStamp(`drift:${projectId}`, analysis.stamp, async () => {
    const drift = computeDrift(analysis);
    // Computed anew only when the data changed: the moment a new flag can appear.
    await announceDriftFlags(projectId, drift);
    return drift;
  });
}

function computeDrift(analysis: TProjectAnalysis): TAgreementDrift {
  return {
    method: {
      test: DRIFT_RULES.test,
      pValueBelow: DRIFT_RULES.pValueBelow,
      minLabels: DRIFT_RULES.minLabels,
      minCramersV: DRIFT_RULES.minCramersV,
      agreementRule: DRIFT_RULES.agreementRule,
    },
    definitions: analysis.definitions.map(({ definition, ...a }) => {
      const header = { key: definition.key, title: definition.title, kind: definition.kind };
      // Drift per batch and week is not computed for rankings and rubrics yet (ADR 016).
      if (a.type === "feedback")
        return { ...header, metric: primaryMetric(a.kind), categories: [], byBatch: [], byWeek: [] };
      return a.type === "spans"
        ? spanDrift(header, a.groups, analysis.batches)
        : patternDrift(header, a.groups, analysis.batches);
    }),
    computedAt: new Date().toISOString(),
  };
}
