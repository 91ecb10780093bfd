import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";

export const metadata: Metadata = { title: "Label definitions" };

export default async function LabelDefinitionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, labelDefinitionPolicy.edit);
  const definitions = await listLabelDefinitions(id);
  return (
    <>
      <PageHeader
        title="Label definitions"
        subtitle="What annotators label, and how. Every change makes a new version; annotations keep the version they were made under."
        actions={
          <Link
            href={`/projects/${id}/label-definitions/new`}
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
          >
            New definition
          </Link>
        }
      />
      {definitions.length === 0 ? (
        <EmptyState title="No label definitions yet">Create one to start labeling.</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {definitions.map((d) => (
            <li key={d.key}>
              <Card>
                <div className="flex items-start justify-between gap-3">
                  <div>
                    <Link
                      href={`/projects/${id}/label-definitions/${d.key}`}
                      className="font-semibold text-indigo-700 underline"
                    >
                      {d.title}
                    </Link>
                    <p className="mt-1 font-mono text-xs text-slate-600">
                      {d.key} · {d.kind.replace("_", " ")} · {d.required ? "required" : "optional"}
                    </p>
                  </div>
                  <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                    v{d.version}
                  </span>
                </div>
                <p className="mt-3 text-xs text-slate-600">
                  Version {d.version} by {d.createdBy ?? "unknown"} on{" "}
                  {new Date(d.createdAt).toLocaleString("en-GB")}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
