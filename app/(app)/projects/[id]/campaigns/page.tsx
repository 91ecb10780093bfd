import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listCampaigns } from "@/lib/server/campaigns/list-campaigns";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, campaignPolicy.list);
  const campaigns = await listCampaigns(id);
  return (
    <>
      <PageHeader
        title="Relabel campaigns"
        subtitle="Items sent back into the queue for a definition's current version. Start one from a drift flag on the Agreement page, an eval-set version, or the Flags list."
      />
      <Card title="Campaigns">
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns yet" />
        ) : (
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3">
                  Definition
                </th>
                <th scope="col" className="py-1 pr-3">
                  Items done
                </th>
                <th scope="col" className="py-1 pr-3">
                  Relabels
                </th>
                <th scope="col" className="py-1">
                  State
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td className="py-2 pr-3">
                    <Link
                      className="font-medium text-indigo-700 underline"
                      href={`/projects/${id}/campaigns/${c.id}`}
                    >
                      {c.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">
                    {c.definitionKey} → v{c.version}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {c.progress.itemsDone} / {c.items}
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {c.progress.annotations} / {c.progress.annotationsNeeded}
                  </td>
                  <td className="py-2">{c.completedAt ? "Complete" : "Running"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
