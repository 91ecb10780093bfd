import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePageAdmin } from "@/lib/server/auth/require-page-user";
import { listUsers } from "@/lib/server/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePageAdmin();
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users" subtitle="Everyone who can sign in to this Concord." />
      <div className="space-y-6">
        <Card title="New user">
          <CreateUserForm />
        </Card>
        <Card title="Reset a password">
          <ResetPasswordForm users={users.map(({ id, email, name }) => ({ id, email, name }))} />
        </Card>
        <Card title={`${users.length} users`}>
          <DataTable
            caption="Users"
            rows={users}
            rowKey={(u) => u.id}
            columns={[
              { header: "Name", cell: (u) => u.name },
              { header: "Email", cell: (u) => u.email },
              { header: "Role", cell: (u) => (u.isAdmin ? "admin" : "user") },
              { header: "Created", cell: (u) => new Date(u.createdAt).toLocaleDateString("en-GB") },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
