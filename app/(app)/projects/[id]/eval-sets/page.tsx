import type { Metadata } from "next";
import Link from "next/link";
import { EvalSetForm } from "@/components/eval-sets/eval-set-form";
import { formatDate } from "@/components/eval-sets/format-value";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { evalSetPolicy } from "@/lib/policies/eval-sets";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listEvalSets } from "@/lib/server/eval-sets/list-eval-sets";
import { listBatches } from "@/lib/server/items/list-batches";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Eval sets" };

export default async function EvalSetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, evalSetPolicy.list);
  const isLead = allows(evalSetPolicy.create, access.role);
  const [evalSets, definitions, batches] = await Promise.all([
    listEvalSets(id),
    isLead ? listLabelDefinitions(id) : Promise.resolve([]),
    isLead ? listBatches(id) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Evaluation sets"
        subtitle="Curated by a filter, frozen by version: a frozen version never changes, and its sha256 proves it."
      />
      <div className="space-y-6">
        <Card title="Sets">
          {evalSets.length === 0 ? (
            <EmptyState title="No eval sets yet">
              {isLead ? "Define one below." : "A lead defines and freezes them; they will show here."}
            </EmptyState>
          ) : (
            <DataTable
              caption="Eval sets"
              rows={evalSets}
              rowKey={(s) => s.id}
              columns={[
                {
                  header: "Name",
                  cell: (s) => (
                    <Link
                      className="font-medium text-indigo-700 underline"
                      href={`/projects/${id}/eval-sets/${s.id}`}
                    >
                      {s.name}
                    </Link>
                  ),
                },
                { header: "Versions", cell: (s) => s.versionCount, className: "tabular-nums" },
                {
                  header: "Latest",
                  cell: (s) =>
                    s.latestVersion
                      ? `v${s.latestVersion.version}: ${countNoun(s.latestVersion.itemCount, "item")}, ${formatDate(
                          s.latestVersion.frozenAt,
                        )}`
                      : "not frozen yet",
                },
                {
                  header: "sha256",
                  cell: (s) =>
                    s.latestVersion ? (
                      <code className="font-mono text-xs" title={s.latestVersion.sha256}>
                        {s.latestVersion.sha256.slice(0, 12)}…
                      </code>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          )}
        </Card>
        {isLead ? (
          <Card title="New eval set">
            {definitions.length === 0 ? (
              <p className="text-sm text-slate-600">Create a label definition first.</p>
            ) : (
              <EvalSetForm projectId={id} definitions={definitions} batches={batches} />
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
