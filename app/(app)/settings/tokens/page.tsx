import type { Metadata } from "next";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        subtitle="Tokens act with your rights. Send one as `Authorization: Bearer <token>` to /api/v1."
      />
      <Card>
        <ApiTokensPanel />
      </Card>
    </>
  );
}
