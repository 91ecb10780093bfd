import type { Metadata } from "next";
import { DefinitionCard } from "@/components/agreement/definition-card";
import { DriftPanel } from "@/components/agreement/drift-panel";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getAgreementDashboard } from "@/lib/server/agreement/get-agreement-dashboard";
import { agreementPolicy } from "@/lib/policies/agreement";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";

export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, agreementPolicy.overview);
  const { overview, drift } = await getAgreementDashboard(id);
  const keys = [...new Set(overview.definitions.map((d) => d.key))];
  return (
    <>
      <PageHeader
        title="Agreement"
        subtitle={
          <>
            How far annotators agree beyond chance, per label definition. Intervals are 95% bootstrap
            intervals (items resampled 1,000 times). Krippendorff&apos;s α reads reliable from 0.800 and
            tentative from 0.667.
            {allows(agreementPolicy.seeAnnotatorNames, access.role)
              ? ""
              : " Read-only; annotators appear under pseudonyms."}
          </>
        }
      />
      {keys.length === 0 ? (
        <EmptyState title="No label definitions yet">
          Agreement appears once items have labels from two annotators.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {keys.map((key) => {
            const entries = overview.definitions.filter((d) => d.key === key);
            return (
              <DefinitionCard
                key={key}
                all={entries.find((d) => d.version === null)!}
                versions={entries.filter((d) => d.version !== null)}
                href={`/projects/${id}/agreement/${key}`}
              />
            );
          })}
          <DriftPanel
            drift={drift}
            campaignsHref={
              allows(campaignPolicy.create, access.role) ? `/projects/${id}/campaigns/new` : undefined
            }
          />
          <p className="text-xs text-slate-600">
            Computed {new Date(overview.computedAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC;
            recomputed when labels change. The same figures: <code>GET /api/v1/projects/{id}/agreement</code>.
          </p>
        </div>
      )}
    </>
  );
}
