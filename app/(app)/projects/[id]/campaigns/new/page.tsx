import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card, PageHeader } from "@/components/ui/card";
import { ZCampaignSelection, type TCampaignSelection } from "@/lib/schemas/campaigns";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { getProject } from "@/lib/server/projects/get-project";

export const metadata: Metadata = { title: "New campaign" };

type TQuery = {
  definition?: string;
  batch?: string;
  week?: string;
  label?: string;
  evalSet?: string;
  version?: string;
  flagged?: string;
  items?: string;
};

/** The selection a link asked for (a drift-flagged batch or week, an eval-set version, flagged items, ids). */
function selectionOf(q: TQuery): { selection: TCampaignSelection; label: string } {
  const raw = q.batch
    ? { batches: [q.batch] }
    : q.week
      ? { week: q.week }
      : q.evalSet
        ? { evalSetVersion: { evalSetId: q.evalSet, version: Number(q.version) } }
        : q.flagged
          ? { flagged: true, resolution: "any" }
          : q.items
            ? { itemIds: q.items.split(",") }
            : {};
  const parsed = ZCampaignSelection.safeParse(raw);
  const selection = parsed.success ? parsed.data : {};
  const label = q.batch
    ? `batch ${q.label ?? q.batch}`
    : q.week
      ? `the week of ${q.label ?? q.week}`
      : q.evalSet
        ? `eval-set version ${q.version}`
        : q.flagged
          ? "items annotators flagged"
          : q.items
            ? `${q.items.split(",").length} chosen items`
            : "every item with final labels";
  return { selection, label };
}

export default async function NewCampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TQuery>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { access } = await requirePageProject(id, campaignPolicy.create);
  const [definitions, project] = await Promise.all([listLabelDefinitions(id), getProject(access)]);
  const { selection, label } = selectionOf(query);
  return (
    <>
      <PageHeader title="New relabel campaign" />
      <Card>
        <CampaignForm
          projectId={id}
          definitions={definitions.map((d) => ({ key: d.key, title: d.title, version: d.version }))}
          selection={selection}
          selectionLabel={label}
          defaultDefinition={query.definition}
          defaultName={`Relabel ${label} (${new Date().toISOString().slice(0, 10)})`}
          defaultOverlap={project.overlap}
        />
      </Card>
    </>
  );
}
