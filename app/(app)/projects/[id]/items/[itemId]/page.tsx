import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ItemAnnotations } from "@/components/agreement/item-annotations";
import { Card, PageHeader } from "@/components/ui/card";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listItemAnnotations } from "@/lib/server/agreement/list-item-annotations";
import { AppError } from "@/lib/server/errors";
import { getItem } from "@/lib/server/items/get-item";
import { getProject } from "@/lib/server/projects/get-project";

export const metadata: Metadata = { title: "Item" };

export default async function ItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await params;
  const { access } = await requirePageProject(id, itemPolicy.read);
  const item = await getItem(id, itemId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [annotations, project] = await Promise.all([listItemAnnotations(id, item.id), getProject(access)]);
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
                <dd className="mt-0.5 whitespace-pre-wrap break-words text-slate-900">
                  {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
                </dd>
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
    </>
  );
}
