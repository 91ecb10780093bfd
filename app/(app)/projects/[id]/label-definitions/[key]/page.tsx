import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionEditor } from "@/components/label-definitions/definition-editor";
import { VersionDiff } from "@/components/label-definitions/version-diff";
import { Card, PageHeader } from "@/components/ui/card";
import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { AppError } from "@/lib/server/errors";
import { getSampleItem } from "@/lib/server/items/get-sample-item";
import { getNewVersionImpact } from "@/lib/server/label-definitions/get-new-version-impact";
import { listDefinitionVersions } from "@/lib/server/label-definitions/list-definition-versions";

export const metadata: Metadata = { title: "Label definition" };

export default async function LabelDefinitionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; key: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id, key } = await params;
  await requirePageProject(id, labelDefinitionPolicy.edit);
  const versions = await listDefinitionVersions(id, key).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [sampleItem, impact] = await Promise.all([getSampleItem(id), getNewVersionImpact(id, key)]);
  const current = versions[0];
  const query = await searchParams;
  const to = versions.find((v) => String(v.version) === query.to) ?? current;
  const from =
    versions.find((v) => String(v.version) === query.from) ??
    versions.find((v) => v.version === to.version - 1);
  return (
    <>
      <PageHeader
        title={current.title}
        subtitle={`${current.key} · ${current.kind.replace("_", " ")} · current version v${current.version}`}
      />
      <div className="space-y-6">
        <Card title={`Versions (${versions.length})`}>
          <ol className="divide-y divide-slate-100 text-sm">
            {versions.map((v) => (
              <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-mono font-semibold text-slate-900">v{v.version}</span>{" "}
                  <span className="text-slate-700">
                    by {v.createdBy ?? "unknown"} on {new Date(v.createdAt).toLocaleString("en-GB")}
                  </span>
                </span>
                {v.version > 1 ? (
                  <Link
                    className="text-sm font-medium text-indigo-700 underline"
                    href={`/projects/${id}/label-definitions/${key}?from=${v.version - 1}&to=${v.version}`}
                  >
                    Changes from v{v.version - 1}
                  </Link>
                ) : (
                  <span className="text-xs text-slate-600">first version</span>
                )}
              </li>
            ))}
          </ol>
        </Card>
        {from ? (
          <Card title={`What changed from v${from.version} to v${to.version}`}>
            <VersionDiff
              from={from.spec as unknown as TLabelDefinitionSpec}
              to={to.spec as unknown as TLabelDefinitionSpec}
              fromLabel={`v${from.version}`}
              toLabel={`v${to.version}`}
            />
          </Card>
        ) : null}
        <Card title="Edit (saves a new version)">
          <DefinitionEditor
            projectId={id}
            initial={current.spec as unknown as TLabelDefinitionInput}
            version={current.version}
            sampleItem={sampleItem}
            impact={impact}
          />
        </Card>
      </div>
    </>
  );
}
