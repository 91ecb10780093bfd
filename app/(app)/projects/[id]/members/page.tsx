import type { Metadata } from "next";
import { AddMemberForm } from "@/components/projects/add-member-form";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { projectPolicy } from "@/lib/policies/projects";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getProject } from "@/lib/server/projects/get-project";
import { listMembers } from "@/lib/server/projects/list-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageProject(id, projectPolicy.listMembers);
  const [project, members] = await Promise.all([getProject(access), listMembers(id)]);
  return (
    <>
      <PageHeader
        title={`Members of ${project.name}`}
        subtitle="Leads configure and review; annotators label; engineers read agreement and export."
      />
      <div className="space-y-6">
        <Card title="Add a member">
          <AddMemberForm projectId={id} />
        </Card>
        <Card title={`${members.length} members`}>
          <DataTable
            caption="Members"
            rows={members}
            rowKey={(m) => m.userId}
            columns={[
              { header: "Name", cell: (m) => m.name },
              { header: "Email", cell: (m) => m.email },
              { header: "Role", cell: (m) => m.role },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
