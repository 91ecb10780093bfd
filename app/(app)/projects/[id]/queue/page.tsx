import type { Metadata } from "next";
import { QueueWorkspace } from "@/components/queue/queue-workspace";
import { queuePolicy } from "@/lib/policies/queue";
import { requirePageProject } from "@/lib/server/auth/require-page-project";

export const metadata: Metadata = { title: "Labeling" };

export default async function QueuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, queuePolicy.readProgress);
  return <QueueWorkspace projectId={id} />;
}
