import type { Metadata } from "next";
import Link from "next/link";
import { ProjectSettingsForm } from "@/components/projects/project-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { projectPolicy } from "@/lib/policies/projects";
import { allows } from "@/lib/policies/access-rule";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getProject } from "@/lib/server/projects/get-project";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, projectPolicy.edit);
  const project = await getProject(access);
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
    </>
  );
}
