import type { Metadata } from "next";
import Link from "next/link";
import { BulkAccept } from "@/components/adjudication/bulk-accept";
import { GoldAccuracyTable } from "@/components/adjudication/gold-accuracy-table";
import { JumpToItem } from "@/components/adjudication/jump-to-item";
import { ReviewQueue } from "@/components/adjudication/review-queue";
import { RuleForm } from "@/components/adjudication/rule-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { finalLabelPolicy } from "@/lib/policies/final-labels";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { getGoldAccuracy } from "@/lib/server/final-labels/get-gold-accuracy";
import { listFinalLabelRules } from "@/lib/server/final-labels/list-final-label-rules";
import { listFinalLabels } from "@/lib/server/final-labels/list-final-labels";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";

export const metadata: Metadata = { title: "Adjudication" };

export default async function AdjudicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  await requirePageProject(id, finalLabelPolicy.list);
  const raw = await searchParams;
  const includeIncomplete = raw.incomplete === "1";
  const after = raw.after && /^\d{1,19}$/.test(raw.after) ? raw.after : undefined;
  const [queue, rules, gold, definitions] = await Promise.all([
    listFinalLabels(id, { state: "unresolved", includeIncomplete, after, limit: 25 }),
    listFinalLabelRules(id),
    getGoldAccuracy(id),
    listLabelDefinitions(id),
  ]);
  const base = `/projects/${id}/adjudication`;
  const link = (extra: Record<string, string>) => {
    const query = new URLSearchParams({
      ...(includeIncomplete ? { incomplete: "1" } : {}),
      ...extra,
    }).toString();
    return query ? `${base}?${query}` : base;
  };
  return (
    <>
      <PageHeader
        title="Adjudication"
        subtitle="Items whose annotations the rules leave unresolved wait here for a lead's decision. Every decision is kept, with who made it and when."
      />
      <div className="space-y-6">
        <Card
          title="Review queue"
          actions={
            <Link
              className="text-sm font-medium text-indigo-700 underline"
              href={includeIncomplete ? base : `${base}?incomplete=1`}
            >
              {includeIncomplete ? "Only fully labeled items" : "Include items still being labeled"}
            </Link>
          }
        >
          {queue.items.length === 0 ? (
            <EmptyState title={after ? "No more items to review" : "Nothing to review"}>
              {includeIncomplete
                ? "Every labeled item has a final label for every definition."
                : "Every fully labeled item has a final label. Items still being labeled are not shown."}
            </EmptyState>
          ) : (
            <>
              <ReviewQueue
                projectId={id}
                items={queue.items}
                definitions={definitions.map((d) => ({ key: d.key, title: d.title, spec: d.spec }))}
              />
              <div className="mt-4 flex justify-between">
                {after ? (
                  <Link className="text-sm font-medium text-indigo-700 underline" href={link({})}>
                    ← First page
                  </Link>
                ) : (
                  <span />
                )}
                {queue.nextCursor ? (
                  <Link
                    className="text-sm font-medium text-indigo-700 underline"
                    href={link({ after: queue.nextCursor })}
                  >
                    Next page →
                  </Link>
                ) : null}
              </div>
            </>
          )}
        </Card>
        {definitions.length > 0 ? (
          <Card title="Accept majority values in bulk">
            <BulkAccept
              projectId={id}
              definitions={definitions.map((d) => ({ key: d.key, title: d.title, spec: d.spec }))}
            />
          </Card>
        ) : null}
        <Card title="Final-label rules">
          {rules.length === 0 ? (
            <p className="text-sm text-slate-600">No label definitions yet.</p>
          ) : (
            <ul className="space-y-5">
              {rules.map((rule) => (
                <li key={rule.key}>
                  <p className="mb-2 text-sm text-slate-700">
                    <span className="font-medium text-slate-900">{rule.title}</span>: {rule.description}
                    {rule.isDefault ? " (the default)" : ""}
                  </p>
                  <RuleForm projectId={id} rule={rule} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Annotator accuracy on gold items">
          <GoldAccuracyTable accuracy={gold} />
        </Card>
        <Card title="Decide or mark gold on any item">
          <JumpToItem projectId={id} />
        </Card>
      </div>
    </>
  );
}
