import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/server/auth/require-page-user";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
