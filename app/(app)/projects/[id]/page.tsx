import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getProject } from "@/lib/server/projects/get-project";

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, ["lead", "annotator", "engineer"]);
  const project = await getProject(access);
  const canManage = access.role === "admin" || access.role === "lead";
  return (
    <>
      <PageHeader
        title={project.name}
        subtitle={`Your role: ${access.role} · ${project.overlap} annotators per item · lease ${Math.round(project.leaseSeconds / 60)} min`}
        actions={
          canManage ? (
            <Link
              href={`/projects/${id}/members`}
              className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Members
            </Link>
          ) : null
        }
      />
      <Card title="About this project">
        <p className="whitespace-pre-line text-sm text-slate-700">
          {project.description || "No description yet."}
        </p>
      </Card>
    </>
  );
}
