import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ItemAnnotations } from "@/components/agreement/item-annotations";
import { ChatTranscript } from "@/components/label-kinds/chat-transcript";
import { asConversation } from "@/components/label-kinds/conversation";
import { Card, PageHeader } from "@/components/ui/card";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listItemAnnotations } from "@/lib/server/agreement/list-item-annotations";
import { AppError } from "@/lib/server/errors";
import { getItem } from "@/lib/server/items/get-item";
import { getProject } from "@/lib/server/projects/get-project";
import { listItemFlags } from "@/lib/server/item-flags/list-item-flags";
import { FLAG_KIND_LABELS } from "@/lib/schemas/item-flags";

export const metadata: Metadata = { title: "Item" };

export default async function ItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await params;
  const { access } = await requirePageProject(id, itemPolicy.read);
  const item = await getItem(id, itemId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [annotations, project, flags] = await Promise.all([
    listItemAnnotations(id, item.id),
    getProject(access),
    listItemFlags(id, { itemId: item.id }),
  ]);
  const hidden = new Set(project.hiddenFields ?? []);
  return (
    <>
      <PageHeader
        title={`Item ${item.externalId ?? `#${item.id}`}`}
        subtitle={`${item.externalId ? `Internal number ${item.id} · ` : ""}priority ${item.priority} · imported ${new Date(item.createdAt).toLocaleString("en-GB")}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Data">
          <dl className="space-y-3 text-sm">
            {Object.entries(item.data).map(([key, value]) => (
              <div key={key}>
                <dt className="font-mono text-xs font-semibold text-slate-600">
                  {key}
                  {hidden.has(key) ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-sans text-xs font-medium text-amber-900">
                      hidden from annotators
                    </span>
                  ) : null}
                </dt>
                <DataValue field={key} value={value} />
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Model predictions">
          {item.predictions ? (
            <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800">
              {JSON.stringify(item.predictions, null, 2)}
            </pre>
          ) : (
            <p className="text-sm text-slate-600">None imported.</p>
          )}
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Annotations">
          <ItemAnnotations definitions={annotations} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Flags and answers">
          {flags.length === 0 ? (
            <p className="text-sm text-slate-600">No one flagged this item.</p>
          ) : (
            <ol className="space-y-3 text-sm">
              {flags.map((f) => (
                <li key={f.id} className="rounded-md border border-slate-200 p-3">
                  <p className="text-slate-900">
                    <span className="font-semibold">{FLAG_KIND_LABELS[f.kind]}</span> by {f.flaggedBy.name},{" "}
                    {new Date(f.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
                    {f.note ? `: “${f.note}”` : ""}
                  </p>
                  <p className="mt-1 text-slate-800">
                    {f.answer
                      ? `Answer from ${f.answeredBy?.name ?? "a lead"}, ${new Date(f.answeredAt!).toLocaleString("en-GB", { timeZone: "UTC" })} UTC: ${f.answer}`
                      : "Not answered yet."}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

/** A data field as the workspace shows it: a conversation as a chat transcript (issue 13), text as text. */
function DataValue({ field, value }: { field: string; value: unknown }) {
  const turns = asConversation(value);
  if (turns)
    return (
      <dd className="mt-1">
        <ChatTranscript turns={turns} label={field} />
      </dd>
    );
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string"))
    return (
      <dd className="mt-0.5">
        <ol aria-label={field} className="list-decimal space-y-1 pl-5 break-words text-slate-900">
          {value.map((text, i) => (
            <li key={i} className="whitespace-pre-wrap">
              {text}
            </li>
          ))}
        </ol>
      </dd>
    );
  return (
    <dd className="mt-0.5 whitespace-pre-wrap break-words text-slate-900">
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </dd>
  );
}
