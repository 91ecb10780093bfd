import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectForm } from "@/components/admin/create-project-form";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePageAdmin } from "@/lib/server/auth/require-page-user";
import { listProjects } from "@/lib/server/projects/list-projects";

export const metadata: Metadata = { title: "Manage projects" };

export default async function AdminProjectsPage() {
  const admin = await requirePageAdmin();
  const projects = await listProjects(admin);
  return (
    <>
      <PageHeader title="Manage projects" />
      <div className="space-y-6">
        <Card title="New project">
          <CreateProjectForm withLead />
        </Card>
        <Card title={`${projects.length} projects`}>
          <DataTable
            caption="Projects"
            rows={projects}
            rowKey={(p) => p.id}
            columns={[
              {
                header: "Name",
                cell: (p) => (
                  <Link className="font-medium text-indigo-700 underline" href={`/projects/${p.id}`}>
                    {p.name}
                  </Link>
                ),
              },
              { header: "Overlap", cell: (p) => p.overlap },
              { header: "Lease", cell: (p) => `${Math.round(p.leaseSeconds / 60)} min` },
              { header: "Created", cell: (p) => new Date(p.createdAt).toLocaleDateString("en-GB") },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
