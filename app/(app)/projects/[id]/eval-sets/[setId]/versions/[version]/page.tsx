import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DownloadPanel } from "@/components/eval-sets/download-panel";
import { FilterSummary } from "@/components/eval-sets/filter-summary";
import { formatBytes, formatDate } from "@/components/eval-sets/format-value";
import { ManifestView } from "@/components/eval-sets/manifest-view";
import { Card, PageHeader } from "@/components/ui/card";
import { ZEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { evalSetPolicy } from "@/lib/policies/eval-sets";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getEvalSetVersion } from "@/lib/server/eval-sets/get-eval-set-version";
import { getVersionLineage } from "@/lib/server/eval-sets/get-version-lineage";
import { LineagePanel } from "@/components/eval-sets/lineage-panel";
import { requireEvalSet } from "@/lib/server/eval-sets/require-eval-set";
import { AppError } from "@/lib/server/errors";
import { listBatches } from "@/lib/server/items/list-batches";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Eval set version" };

export default async function EvalSetVersionPage({
  params,
}: {
  params: Promise<{ id: string; setId: string; version: string }>;
}) {
  const { id, setId, version: raw } = await params;
  const { caller, access } = await requirePageProject(id, evalSetPolicy.list);
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const found = await Promise.all([
    requireEvalSet(caller, setId, evalSetPolicy.readVersion.roles),
    getEvalSetVersion(setId, Number(raw)),
    listBatches(id),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [{ evalSet }, version, batches] = found;
  if (evalSet.projectId !== id) notFound();
  const manifest = version.manifest;
  const lineage = await getVersionLineage(setId, version.version);
  const definitions = (manifest.definitions ?? []) as { key: string; title: string }[];
  const titles = Object.fromEntries(definitions.map((d) => [d.key, d.title]));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/eval-sets/${setId}`}>
          ← {evalSet.name}
        </Link>
      </p>
      <PageHeader
        title={`${evalSet.name} · version ${version.version}`}
        subtitle={`Frozen ${formatDate(version.frozenAt)} by ${version.frozenBy?.name ?? "(deleted user)"} · ${countNoun(version.itemCount, "item")} · immutable`}
      />
      <div className="space-y-6">
        <Card title="Lineage">
          <LineagePanel
            lineage={lineage}
            setHref={`/projects/${id}/eval-sets/${setId}`}
            canFreeze={allows(evalSetPolicy.freeze, access.role)}
          />
        </Card>
        <Card title="Integrity">
          <dl className="grid gap-2 text-sm md:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">sha256 of the canonical JSONL</dt>
            <dd>
              <code className="font-mono break-all text-slate-900" data-testid="version-sha256">
                {version.sha256}
              </code>
            </dd>
            <dt className="font-medium text-slate-700">Size of the canonical JSONL</dt>
            <dd className="text-slate-900">
              {formatBytes(version.byteCount)} ({version.byteCount.toLocaleString("en-US")} bytes)
            </dd>
          </dl>
          <p className="mt-3 text-xs text-slate-600">
            The database refuses any change to a frozen version. Exporting it again gives the same bytes;
            check a download with <code>sha256sum</code>, or let <code>npx concord export</code> check it for
            you.
          </p>
        </Card>
        <Card title="Download">
          <DownloadPanel
            evalSetId={setId}
            setName={evalSet.name}
            version={version.version}
            canUseRealIds={allows(evalSetPolicy.exportRealAnnotatorIds, access.role)}
            hasPreferencePairs={manifest.preference !== undefined && manifest.preference !== null}
            definitionKeys={definitions.map((d) => d.key)}
          />
        </Card>
        <Card title="Filter it was frozen with">
          <FilterSummary
            filter={ZEvalSetFilter.parse(version.filter)}
            titles={titles}
            batchNames={Object.fromEntries(batches.map((b) => [b.id, b.name]))}
          />
        </Card>
        <Card title="Manifest">
          <ManifestView manifest={manifest} />
        </Card>
      </div>
    </>
  );
}
