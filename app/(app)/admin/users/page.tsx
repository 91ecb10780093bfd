import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
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
        <Card
          title={`${users.length} users`}
          actions={
            <Link
              href="/admin/users/password"
              className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
            >
              Reset a password
            </Link>
          }
        >
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
