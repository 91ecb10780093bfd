import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransitionMatrixView } from "@/components/campaigns/transition-matrix-view";
import { Card, PageHeader } from "@/components/ui/card";
import { campaignPolicy } from "@/lib/policies/campaigns";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getLabelTransitions } from "@/lib/server/campaigns/get-label-transitions";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Label transitions" };

export default async function TransitionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; key: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id, key } = await params;
  const query = await searchParams;
  await requirePageProject(id, campaignPolicy.transitions);
  const to = Number(query.to ?? 2);
  const from = Number(query.from ?? to - 1);
  const transitions = await getLabelTransitions(id, key, { from, to }).catch((error: unknown) => {
    if (error instanceof AppError && (error.status === 404 || error.status === 422)) notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/campaigns`}>
          ← Campaigns
        </Link>
      </p>
      <PageHeader
        title={`“${key}”: version ${from} → version ${to}`}
        subtitle="Final labels of the items that have one under both versions: which values moved where."
      />
      <Card title="Transitions">
        <TransitionMatrixView projectId={id} transitions={transitions} />
      </Card>
    </>
  );
}
