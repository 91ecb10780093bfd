import type { Metadata } from "next";
import Link from "next/link";
import { ItemFilters } from "@/components/items/item-filters";
import { ItemsTable } from "@/components/items/items-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listBatches } from "@/lib/server/items/list-batches";
import { listDataFields } from "@/lib/server/items/list-data-fields";
import { listItems } from "@/lib/server/items/list-items";
import { listLabelDefinitions } from "@/lib/server/label-definitions/list-label-definitions";
import { getProject } from "@/lib/server/projects/get-project";
import { ZItemsQuery } from "@/lib/schemas/items";

export const metadata: Metadata = { title: "Items" };

const FILTERS = [
  "batch",
  "status",
  "minAnnotations",
  "maxAnnotations",
  "label",
  "labelValue",
  "field",
  "value",
  "q",
] as const;

export default async function ItemsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const { access } = await requirePageProject(id, itemPolicy.list);
  const raw = await searchParams;
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const parsed = ZItemsQuery.safeParse({ ...filters, after: raw.after || undefined });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [{ items, nextCursor }, batches, dataFields, definitions, project] = await Promise.all([
    listItems(id, query),
    listBatches(id),
    listDataFields(id),
    listLabelDefinitions(id),
    getProject(access),
  ]);
  const base = `/projects/${id}/items`;
  const href = (extra: Record<string, string>) => {
    const s = new URLSearchParams({ ...(parsed.success ? filters : {}), ...extra }).toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <>
      <PageHeader
        title="Items"
        subtitle="In import order, with where each stands. Filter, search, and open an item to see all its data."
      />
      <Card>
        <ItemFilters
          action={base}
          values={parsed.success ? filters : {}}
          batches={batches.map((b) => ({ id: b.id, name: b.name, itemCount: b.itemCount }))}
          dataFields={dataFields}
          hiddenFields={project.hiddenFields ?? []}
          definitions={definitions.map((d) => ({ key: d.key, title: d.title }))}
        />
        {!parsed.success ? (
          <p role="alert" className="mb-4 text-sm text-red-700">
            These filters are not valid:{" "}
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}. Showing every
            item.
          </p>
        ) : null}
        {items.length === 0 ? (
          <EmptyState title={nextCursor ? "None in this stretch of items" : "No items here"}>
            {nextCursor ? (
              <Link className="font-medium text-indigo-700 underline" href={href({ after: nextCursor })}>
                Keep looking →
              </Link>
            ) : (
              <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/import`}>
                Import a file
              </Link>
            )}
          </EmptyState>
        ) : (
          <>
            <ItemsTable items={items} itemHref={(itemId) => `${base}/${itemId}`} />
            <div className="mt-4 flex justify-between">
              {"after" in query && query.after ? (
                <Link className="text-sm font-medium text-indigo-700 underline" href={href({})}>
                  ← First page
                </Link>
              ) : (
                <span />
              )}
              {nextCursor ? (
                <Link
                  className="text-sm font-medium text-indigo-700 underline"
                  href={href({ after: nextCursor })}
                >
                  Next page →
                </Link>
              ) : null}
            </div>
          </>
        )}
      </Card>
    </>
  );
}
