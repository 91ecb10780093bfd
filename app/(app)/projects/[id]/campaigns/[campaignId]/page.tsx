import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransitionMatrixView } from "@/components/campaigns/transition-matrix-view";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { formatInterval, formatValue, metricSymbol } from "@/components/agreement/format";
import { getAgreementOverview } from "@/lib/server/agreement/get-agreement-overview";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { getLabelTransitions } from "@/lib/server/campaigns/get-label-transitions";
import { AppError } from "@/lib/server/errors";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
}: {
  params: Promise<{ id: string; campaignId: string }>;
}) {
  const { id, campaignId } = await params;
  await requirePageProject(id, campaignPolicy.read);
  const campaign = await getCampaign(id, campaignId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const from = campaign.fromVersions.at(-1) ?? null;
  const transitions =
    from !== null
      ? await getLabelTransitions(id, campaign.definitionKey, {
          from,
          to: campaign.version,
          campaign: campaign.id,
        })
      : null;
  const { progress } = campaign;
  const agreement = (await getAgreementOverview(id)).definitions.find(
    (d) => d.key === campaign.definitionKey && d.version === campaign.version,
  );
  const share = progress.annotationsNeeded
    ? Math.round((100 * progress.annotations) / progress.annotationsNeeded)
    : 0;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/campaigns`}>
          ← Campaigns
        </Link>
      </p>
      <PageHeader
        title={campaign.name}
        subtitle={`Relabels “${campaign.definitionKey}” toward version ${campaign.version} (from version ${campaign.fromVersions.join(", ") || "—"}), ${countNoun(campaign.overlap, "annotator")} per item, served ${campaign.serve} ordinary work. ${campaign.completedAt ? `Complete since ${new Date(campaign.completedAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC.` : "Running."}`}
      />
      <div className="space-y-6">
        <Card title="Progress">
          <div className="space-y-3">
            <dl className="flex flex-wrap gap-8">
              <Stat label="Items done" value={`${progress.itemsDone} / ${campaign.items}`} />
              <Stat label="Relabels" value={`${progress.annotations} / ${progress.annotationsNeeded}`} />
              <Stat label="Leased now" value={String(progress.leased)} />
            </dl>
            <div
              role="progressbar"
              aria-label="Relabels submitted"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={share}
              className="h-2 w-full max-w-xl rounded bg-slate-200"
            >
              <div className="h-2 rounded bg-indigo-600" style={{ width: `${share}%` }} />
            </div>
            <p className="text-sm text-slate-700">
              Agreement under version {campaign.version}:{" "}
              {campaign.overlap < 2 && (!agreement || agreement.itemsCompared === 0) ? (
                // Agreement needs two annotators on an item; with one per item there is nothing to compare.
                `not measured: the campaign has ${countNoun(campaign.overlap, "annotator")} per item, and agreement needs two on the same item`
              ) : agreement ? (
                <span className="font-semibold tabular-nums">
                  {metricSymbol(agreement.metric)} = {formatValue(agreement.value)} (95% interval{" "}
                  {formatInterval(agreement.ci)}), {countNoun(agreement.itemsCompared, "item")} compared
                </span>
              ) : (
                "not yet measured"
              )}
              ; see the{" "}
              <Link
                className="font-medium text-indigo-700 underline"
                href={`/projects/${id}/agreement/${campaign.definitionKey}`}
              >
                per-version agreement of “{campaign.definitionKey}”
              </Link>
              .
            </p>
          </div>
        </Card>
        <Card title={`Transitions of its items, version ${from ?? "—"} → ${campaign.version}`}>
          {transitions ? (
            <TransitionMatrixView projectId={id} transitions={transitions} />
          ) : (
            <p className="text-sm text-slate-700">No earlier version to compare with.</p>
          )}
        </Card>
      </div>
    </>
  );
}
