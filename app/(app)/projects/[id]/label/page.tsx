import type { Metadata } from "next";
import { LabelingWorkspace } from "@/components/workspace/labeling-workspace";
import { queuePolicy } from "@/lib/policies/queue";
import { requirePageProject } from "@/lib/server/auth/require-page-project";

export const metadata: Metadata = { title: "Labeling" };

export default async function LabelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, queuePolicy.readProgress);
  return <LabelingWorkspace projectId={id} />;
}
