import type { Metadata } from "next";
import { InviteForm } from "@/components/people/invite-form";
import { Pager, SearchForm } from "@/components/people/list-controls";
import { AddMemberForm } from "@/components/projects/add-member-form";
import { MemberRowActions } from "@/components/projects/member-row-actions";
import { ReserveItemsForm } from "@/components/projects/reserve-items-form";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { pageWindow } from "@/lib/people/page-window";
import { projectPolicy } from "@/lib/policies/projects";
import { ZProjectRole } from "@/lib/schemas/common";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listItemAssignees } from "@/lib/server/item-assignees/list-item-assignees";
import { listBatches } from "@/lib/server/items/list-batches";
import { getProject } from "@/lib/server/projects/get-project";
import { listMembers } from "@/lib/server/projects/list-members";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Members" };

type TSearch = { q?: string; role?: string; page?: string };

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearch>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const { access } = await requirePageProject(id, projectPolicy.listMembers);
  const q = (search.q ?? "").slice(0, 200).trim();
  const role = ZProjectRole.safeParse(search.role).data;
  const { total } = await listMembers(id, { q, role, offset: 0, limit: 1 });
  const window = pageWindow(search.page, total);
  const [project, { members }, batches, reservations] = await Promise.all([
    getProject(access),
    listMembers(id, { q, role, offset: window.offset, limit: window.limit }),
    listBatches(id),
    listItemAssignees(id),
  ]);
  return (
    <>
      <PageHeader
        title={`Members of ${project.name}`}
        subtitle="Leads configure and review; annotators label; engineers read agreement and export."
      />
      <div className="space-y-6">
        <Card title={`${countNoun(total, "member")}${q || role ? " matching" : ""}`}>
          <SearchForm label="Search members by name or email" q={q}>
            <div className="w-44 space-y-1">
              <label htmlFor="role-filter" className="block text-sm font-medium text-slate-800">
                Role
              </label>
              <select
                id="role-filter"
                name="role"
                defaultValue={role ?? ""}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                <option value="">Any role</option>
                <option value="lead">Lead</option>
                <option value="annotator">Annotator</option>
                <option value="engineer">Engineer</option>
              </select>
            </div>
          </SearchForm>
          <DataTable
            caption="Members"
            rows={members}
            rowKey={(m) => m.userId}
            columns={[
              {
                header: "Name",
                cell: (m) => (
                  <>
                    {m.name}
                    {m.disabled ? (
                      <span className="ml-2 rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">
                        disabled
                      </span>
                    ) : null}
                  </>
                ),
              },
              { header: "Email", cell: (m) => m.email },
              { header: "Role", cell: (m) => <MemberRowActions projectId={id} member={m} /> },
            ]}
          />
          <Pager {...window} total={total} size={window.limit} params={{ q, role }} />
        </Card>
        <Card title="Add a member">
          <AddMemberForm projectId={id} />
        </Card>
        <Card title="Invite by link">
          <InviteForm projectId={id} />
        </Card>
        <Card title="Reserve items for annotators">
          <ReserveItemsForm
            projectId={id}
            batches={batches.map(({ id: batchId, name, itemCount }) => ({ id: batchId, name, itemCount }))}
            reservations={reservations}
          />
        </Card>
      </div>
    </>
  );
}
