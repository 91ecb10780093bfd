import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { projectPolicy } from "@/lib/policies/projects";
import { allows } from "@/lib/policies/access-rule";
import { labelDefinitionPolicy } from "@/lib/policies/label-definitions";
import { queuePolicy } from "@/lib/policies/queue";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { getProject } from "@/lib/server/projects/get-project";
import { getProjectOverview } from "@/lib/server/projects/get-project-overview";
import { countNoun } from "@/lib/text/count-noun";

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, projectPolicy.read);
  const [project, overview, definitions] = await Promise.all([
    getProject(access),
    getProjectOverview(id),
    listLabelDefinitions(id),
  ]);
  const isManager = allows(labelDefinitionPolicy.edit, access.role);
  const canLabel = allows(queuePolicy.claim, access.role);
  return (
    <>
      <PageHeader
        title={project.name}
        subtitle={`Your role: ${access.role} · ${countNoun(project.overlap, "annotator")} per item · lease ${Math.round(project.leaseSeconds / 60)} min`}
        actions={
          canLabel ? (
            <Link
              href={`/projects/${id}/queue`}
              className={`inline-flex items-center gap-2 rounded-md bg-indigo-600 font-semibold text-white shadow-sm hover:bg-indigo-700 ${
                access.role === "annotator" ? "px-5 py-3 text-base" : "px-4 py-2 text-sm"
              }`}
            >
              Start labeling <span aria-hidden="true">→</span>
            </Link>
          ) : undefined
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3">
        <Stat label="Items" value={overview.items} />
        <Stat label="Done" value={overview.done} hint="with all the annotators they need" />
        <Stat label="In progress" value={overview.inProgress} hint="started, not yet done" />
        <Stat label="Batches" value={overview.batches} />
        <Stat label="Label definitions" value={overview.definitions} />
        <Stat
          label="Members"
          value={Object.values(overview.members).reduce((a, b) => a + b, 0)}
          hint={Object.entries(overview.members)
            .map(([role, n]) => `${n} ${role}${n === 1 ? "" : "s"}`)
            .join(" · ")}
        />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="About this project">
          <p className="whitespace-pre-line text-sm text-slate-700">
            {project.description || "No description yet."}
          </p>
        </Card>
        <Card
          title="What is labeled"
          actions={
            isManager ? (
              <Link
                className="text-sm font-medium text-indigo-700 underline"
                href={`/projects/${id}/label-definitions`}
              >
                Manage
              </Link>
            ) : null
          }
        >
          {definitions.length === 0 ? (
            <p className="text-sm text-slate-600">No label definitions yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {definitions.map((d) => (
                <li key={d.key} className="flex items-center justify-between gap-2">
                  <span>
                    <span className="font-medium text-slate-900">{d.title}</span>{" "}
                    <span className="text-slate-600">({d.kind.replace("_", " ")})</span>
                  </span>
                  <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                    v{d.version}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
