import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewWorkspace } from "@/components/adjudication/review-workspace";
import { ItemView } from "@/components/label-kinds/item-view";
import { fieldsRenderedBy } from "@/components/label-kinds/rendered-fields";
import { PageHeader } from "@/components/ui/card";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import { finalLabelPolicy } from "@/lib/policies/final-labels";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { AppError } from "@/lib/server/errors";
import { getAdjudicationItem } from "@/lib/server/final-labels/get-adjudication-item";

export const metadata: Metadata = { title: "Review item" };

export default async function AdjudicateItemPage({
  params,
}: {
  params: Promise<{ id: string; itemId: string }>;
}) {
  const { id, itemId } = await params;
  await requirePageProject(id, finalLabelPolicy.readItem);
  if (!/^\d{1,19}$/.test(itemId)) notFound();
  const review = await getAdjudicationItem(id, itemId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { item } = review;
  const nextHref = review.nextUnresolved ? `/projects/${id}/adjudication/${review.nextUnresolved}` : null;
  // The fields the definitions label are drawn in each annotation and in the final-value editor.
  const shown = fieldsRenderedBy(review.definitions.map((d) => d.spec as unknown as TLabelDefinitionSpec));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/adjudication`}>
          ← Review queue
        </Link>
      </p>
      <PageHeader
        title={`Item #${item.id}`}
        subtitle={`${item.externalId ? `External id ${item.externalId} · ` : ""}${
          item.isComplete ? "fully labeled" : "still being labeled"
        }`}
        actions={
          nextHref ? (
            <Link
              className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
              href={nextHref}
            >
              Next unresolved item →
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <ItemView
          item={{ data: item.data }}
          hiddenFields={shown}
          textFields={Object.keys(item.data).filter((k) => typeof item.data[k] === "string")}
        />
        <ReviewWorkspace key={item.id} projectId={id} review={review} nextHref={nextHref} />
      </div>
    </>
  );
}
