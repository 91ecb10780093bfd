import type { Metadata } from "next";
import Link from "next/link";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { PageHeader } from "@/components/ui/card";
import { webhookPolicy } from "@/lib/policies/webhooks";
import { requirePageProject } from "@/lib/server/auth/require-page-project";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, webhookPolicy.list);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/settings`}>
          ← Settings
        </Link>
      </p>
      <PageHeader
        title="Webhooks"
        subtitle="Concord POSTs each event, signed per Standard Webhooks, and retries failures with backoff for a day."
      />
      <WebhooksPanel projectId={id} />
    </>
  );
}
