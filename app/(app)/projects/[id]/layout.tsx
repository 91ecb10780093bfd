import Link from "next/link";
import type { ReactNode } from "react";
import { ProjectNav } from "@/components/projects/project-nav";
import { projectPolicy } from "@/lib/policies/projects";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getProject } from "@/lib/server/projects/get-project";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { access } = await requirePageProject(id, projectPolicy.read);
  const project = await getProject(access);
  return (
    <>
      <p className="mb-1 text-sm text-slate-600">
        <Link href="/" className="underline hover:text-slate-900">
          Projects
        </Link>{" "}
        / <span className="text-slate-800">{project.name}</span>
        {project.archivedAt ? (
          <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
            archived
          </span>
        ) : null}
      </p>
      <ProjectNav projectId={id} role={access.role} />
      {children}
    </>
  );
}
