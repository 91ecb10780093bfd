import "server-only";
import { feedbackResults } from "@/lib/agreement/report-feedback";
import { patternResults } from "@/lib/agreement/report-patterns";
import { spanResults } from "@/lib/agreement/report-spans";
import type { TAgreementOverview } from "@/lib/schemas/agreement";
import { cachedByStamp } from "./agreement-cache";
import { loadProjectAnalysis, type TProjectAnalysis } from "./load-project-analysis";

/** Agreement per label definition: one entry per version with annotations, and one over all versions. */
export async function getAgreementOverview(projectId: string): Promise<TAgreementOverview> {
  return agreementOverviewOf(projectId, await loadProjectAnalysis(projectId));
}

/**
 * The overview of an analysis a caller already loaded. While annotators label, the change stamp
 * moves every few milliseconds: a page that read the stamp a second time would load and compute
 * the whole analysis twice, once per stamp.
 */
export function agreementOverviewOf(
  projectId: string,
  analysis: TProjectAnalysis,
): Promise<TAgreementOverview> {
  return cachedByStamp(`overview:${projectId}`, analysis.stamp, async () => ({
    definitions: analysis.definitions.flatMap(({ definition, ...a }) => {
      const header = { key: definition.key, title: definition.title, kind: definition.kind };
      if (a.type === "feedback") return feedbackResults({ ...header, kind: a.kind }, a.groups);
      return a.type === "spans" ? spanResults(header, a.groups) : patternResults(header, a.groups);
    }),
    computedAt: new Date().toISOString(),
  }));
}
