import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAdmin } from "@/lib/server/auth/require-page-user";
import { listUsers } from "@/lib/server/users/list-users";

export const metadata: Metadata = { title: "Reset a password" };

export default async function ResetPasswordPage() {
  await requirePageAdmin();
  const { users } = await listUsers();
  return (
    <>
      <PageHeader
        title="Reset a password"
        subtitle="For someone who forgot theirs, or whose password may have leaked. Their sessions end at once."
      />
      <div className="max-w-3xl">
        <Card>
          <ResetPasswordForm users={users.map(({ id, email, name }) => ({ id, email, name }))} />
        </Card>
      </div>
    </>
  );
}
