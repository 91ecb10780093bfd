import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ImportUsersForm } from "@/components/admin/import-users-form";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { InviteForm } from "@/components/people/invite-form";
import { Pager, SearchForm } from "@/components/people/list-controls";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { pageWindow } from "@/lib/people/page-window";
import { requirePageAdmin } from "@/lib/server/auth/require-page-user";
import { listProjects } from "@/lib/server/projects/list-projects";
import { listUsers } from "@/lib/server/users/list-users";
import { countNoun } from "@/lib/text/count-noun";

export const metadata: Metadata = { title: "Users" };

type TSearch = { q?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const admin = await requirePageAdmin();
  const search = await searchParams;
  const q = (search.q ?? "").slice(0, 200).trim();
  const { total } = await listUsers({ q, offset: 0, limit: 1 });
  const window = pageWindow(search.page, total);
  const [{ users }, projects] = await Promise.all([
    listUsers({ q, offset: window.offset, limit: window.limit }),
    listProjects(admin),
  ]);
  return (
    <>
      <PageHeader title="Users" subtitle="Everyone who can sign in to this Concord." />
      <div className="space-y-6">
        <Card
          title={`${countNoun(total, "user")}${q ? ` matching “${q}”` : ""}`}
          actions={
            <Link
              href="/admin/users/password"
              className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
            >
              Reset a password
            </Link>
          }
        >
          <SearchForm label="Search users by name or email" q={q} />
          <DataTable
            caption="Users"
            rows={users}
            rowKey={(u) => u.id}
            columns={[
              { header: "Name", cell: (u) => u.name },
              { header: "Email", cell: (u) => u.email },
              { header: "Role", cell: (u) => (u.isAdmin ? "admin" : "user") },
              {
                header: "Status",
                cell: (u) =>
                  u.disabledAt ? (
                    <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">
                      disabled
                    </span>
                  ) : (
                    "active"
                  ),
              },
              { header: "Created", cell: (u) => new Date(u.createdAt).toLocaleDateString("en-GB") },
              { header: "Rights", cell: (u) => <UserRowActions user={u} isSelf={u.id === admin.id} /> },
            ]}
          />
          <Pager {...window} total={total} size={window.limit} params={{ q }} />
        </Card>
        <Card title="Invite by link">
          <InviteForm />
        </Card>
        <Card title="New user">
          <CreateUserForm />
        </Card>
        <Card title="Import users from CSV">
          <ImportUsersForm projects={projects.map(({ id, name }) => ({ id, name }))} />
        </Card>
      </div>
    </>
  );
}
