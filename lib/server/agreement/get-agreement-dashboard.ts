import "server-only";
import type { TAgreementOverview } from "@/lib/schemas/agreement";
import type { TAgreementDrift } from "@/lib/schemas/agreement-drift";
import { agreementDriftOf } from "./get-agreement-drift";
import { agreementOverviewOf } from "./get-agreement-overview";
import { loadProjectAnalysis } from "./load-project-analysis";

/**
 * The agreement page's overview and drift from one analysis. Asked for separately, each read the
 * change stamp; while annotators label, the two reads often saw different stamps, and the page
 * loaded and computed the project's whole analysis twice.
 */
export async function getAgreementDashboard(
  projectId: string,
): Promise<{ overview: TAgreementOverview; drift: TAgreementDrift }> {
  const analysis = await loadProjectAnalysis(projectId);
  const [overview, drift] = await Promise.all([
    agreementOverviewOf(projectId, analysis),
    agreementDriftOf(projectId, analysis),
  ]);
  return { overview, drift };
}
