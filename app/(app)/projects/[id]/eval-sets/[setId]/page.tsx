import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffView } from "@/components/eval-sets/diff-view";
import { EvalSetForm } from "@/components/eval-sets/eval-set-form";
import { FilterSummary } from "@/components/eval-sets/filter-summary";
import { FreezeButton } from "@/components/eval-sets/freeze-button";
import { GateEditor } from "@/components/eval-sets/gate-editor";
import { VersionsTable } from "@/components/eval-sets/versions-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ZEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { evalSetPolicy } from "@/lib/policies/eval-sets";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getEvalSet } from "@/lib/server/eval-sets/get-eval-set";
import { AppError } from "@/lib/server/errors";
import { listBatches } from "@/lib/server/items/list-batches";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";

export const metadata: Metadata = { title: "Eval set" };

export default async function EvalSetPage({ params }: { params: Promise<{ id: string; setId: string }> }) {
  const { id, setId } = await params;
  const { access } = await requirePageProject(id, evalSetPolicy.list);
  const isLead = allows(evalSetPolicy.freeze, access.role);
  const evalSet = await getEvalSet(setId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  if (evalSet.projectId !== id) notFound();
  const [definitions, batches] = await Promise.all([listLabelDefinitions(id), listBatches(id)]);
  const filter = ZEvalSetFilter.parse(evalSet.filter);
  const titles = Object.fromEntries(definitions.map((d) => [d.key, d.title]));
  const batchNames = Object.fromEntries(batches.map((b) => [b.id, b.name]));
  const nextVersion = (evalSet.versions[0]?.version ?? 0) + 1;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/eval-sets`}>
          ← Eval sets
        </Link>
      </p>
      <PageHeader
        title={evalSet.name}
        subtitle={
          evalSet.description ||
          `${evalSet.versionCount} frozen version${evalSet.versionCount === 1 ? "" : "s"}`
        }
        actions={isLead ? <FreezeButton evalSetId={evalSet.id} nextVersion={nextVersion} /> : null}
      />
      <div className="space-y-6">
        <Card title="Versions">
          {evalSet.versions.length === 0 ? (
            <EmptyState title="Nothing frozen yet">
              {isLead
                ? "Preview the filter below, then freeze version 1."
                : "A lead has not frozen this set yet."}
            </EmptyState>
          ) : (
            <VersionsTable projectId={id} versions={evalSet.versions} />
          )}
        </Card>
        <Card title="Release gate">
          {isLead ? (
            <GateEditor evalSetId={evalSet.id} gate={evalSet.gate} />
          ) : (
            <p className="text-sm text-slate-700">
              {evalSet.gate
                ? Object.entries(evalSet.gate)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(", ")
                : "No gate: any freeze goes through."}
            </p>
          )}
        </Card>
        <Card title={`Filter${evalSet.versions.length ? " for the next freeze" : ""}`}>
          <FilterSummary filter={filter} titles={titles} batchNames={batchNames} />
          {isLead ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                Change the filter and preview
              </summary>
              <div className="mt-4">
                <EvalSetForm
                  projectId={id}
                  definitions={definitions}
                  batches={batches}
                  evalSet={{ id: evalSet.id, filter }}
                />
              </div>
            </details>
          ) : null}
        </Card>
        {evalSet.versions.length > 1 ? (
          <Card title="Compare versions">
            <DiffView evalSetId={evalSet.id} versions={evalSet.versions.map((v) => v.version)} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
