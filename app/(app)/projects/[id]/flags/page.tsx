import type { Metadata } from "next";
import Link from "next/link";
import { AnswerFlagForm } from "@/components/item-flags/answer-flag-form";
import { FLAG_KIND_LABELS } from "@/lib/schemas/item-flags";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { itemFlagPolicy } from "@/lib/policies/item-flags";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listItemFlags } from "@/lib/server/item-flags/list-item-flags";

export const metadata: Metadata = { title: "Flags" };

export default async function FlagsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageProject(id, itemFlagPolicy.list);
  const [open, answered] = await Promise.all([
    listItemFlags(id, { state: "open" }),
    listItemFlags(id, { state: "answered" }),
  ]);
  return (
    <>
      <PageHeader
        title="Item flags"
        subtitle="What annotators flagged while labeling. Answer them (the annotator sees the answer), relabel the flagged items, or leave them out of eval sets with the filter field flagged: false."
        actions={
          open.length + answered.length > 0 ? (
            <Link
              className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white"
              href={`/projects/${id}/campaigns/new?flagged=1`}
            >
              Relabel flagged items
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card title={`Open (${open.length})`}>
          {open.length === 0 ? (
            <EmptyState title="No open flags" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {open.map((f) => (
                <li key={f.id} className="space-y-2 py-3">
                  <p className="text-sm text-slate-900">
                    <span className="font-semibold">{FLAG_KIND_LABELS[f.kind]}</span> on{" "}
                    <Link className="text-indigo-700 underline" href={`/projects/${id}/items/${f.itemId}`}>
                      item {f.externalId ?? f.itemId}
                    </Link>{" "}
                    by {f.flaggedBy.name},{" "}
                    {new Date(f.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
                  </p>
                  {f.note ? <p className="text-sm text-slate-800">“{f.note}”</p> : null}
                  <AnswerFlagForm projectId={id} flagId={f.id} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Answered (${answered.length})`}>
          {answered.length === 0 ? (
            <EmptyState title="Nothing answered yet" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {answered.map((f) => (
                <li key={f.id} className="py-2">
                  <span className="font-semibold">{FLAG_KIND_LABELS[f.kind]}</span> on{" "}
                  <Link className="text-indigo-700 underline" href={`/projects/${id}/items/${f.itemId}`}>
                    item {f.externalId ?? f.itemId}
                  </Link>
                  {f.note ? `: “${f.note}”` : ""} — {f.answeredBy?.name ?? "a lead"}: {f.answer}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
