import type { Metadata } from "next";
import Link from "next/link";
import { HiddenFieldsForm } from "@/components/projects/hidden-fields-form";
import { ProjectSettingsForm } from "@/components/projects/project-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { projectPolicy } from "@/lib/policies/projects";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listDataFields } from "@/lib/server/items/list-data-fields";
import { getProject } from "@/lib/server/projects/get-project";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, projectPolicy.edit);
  const [project, dataFields] = await Promise.all([getProject(access), listDataFields(id)]);
  return (
    <>
      <PageHeader
        title="Settings"
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={`/projects/${id}/settings/webhooks`}
          >
            Webhooks →
          </Link>
        }
      />
      <Card>
        <ProjectSettingsForm project={project} canArchive={allows(projectPolicy.archive, access.role)} />
      </Card>
      <div className="mt-6">
        <Card title="Fields annotators do not see">
          <p className="mb-4 text-sm text-slate-700">
            Hidden fields (a gold answer, where an item came from) are never sent to annotators. You still see
            them on item pages, and exports keep them.
          </p>
          <HiddenFieldsForm
            projectId={id}
            hiddenFields={project.hiddenFields ?? []}
            dataFields={dataFields}
          />
        </Card>
      </div>
    </>
  );
}
