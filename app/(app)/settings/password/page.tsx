import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Password" };

export default function PasswordPage() {
  return (
    <>
      <PageHeader
        title="Password"
        subtitle="Changing it signs you out everywhere else: other browsers and devices must sign in again. API tokens keep working."
      />
      <div className="max-w-lg">
        <Card>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
