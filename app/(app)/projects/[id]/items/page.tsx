import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { itemPolicy } from "@/lib/policies/items";
import { requirePageProject } from "@/lib/server/auth/require-page-project";
import { listBatches } from "@/lib/server/items/list-batches";
import { listItems } from "@/lib/server/items/list-items";
import { ZItemsQuery } from "@/lib/schemas/items";

export const metadata: Metadata = { title: "Items" };

export default async function ItemsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  await requirePageProject(id, itemPolicy.list);
  const raw = await searchParams;
  const parsed = ZItemsQuery.safeParse({ batch: raw.batch || undefined, after: raw.after || undefined });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [{ items, nextCursor }, batches] = await Promise.all([listItems(id, query), listBatches(id)]);
  const base = `/projects/${id}/items`;
  const withBatch = (extra: Record<string, string>) => {
    const p = new URLSearchParams({ ...(query.batch ? { batch: query.batch } : {}), ...extra });
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <>
      <PageHeader title="Items" subtitle="In import order. Open an item to see its data." />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-3" action={base}>
          <div>
            <label htmlFor="batch-filter" className="block text-sm font-medium text-slate-800">
              Batch
            </label>
            <select
              id="batch-filter"
              name="batch"
              defaultValue={query.batch ?? ""}
              className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              <option value="">All batches</option>
              {batches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.itemCount.toLocaleString("en-US")})
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300"
          >
            Filter
          </button>
        </form>
        {items.length === 0 ? (
          <EmptyState title="No items here">
            <Link className="font-medium text-indigo-700 underline" href={`/projects/${id}/import`}>
              Import a file
            </Link>
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Items"
              rows={items}
              rowKey={(i) => i.id}
              columns={[
                {
                  header: "Id",
                  cell: (i) => (
                    <Link className="font-mono text-indigo-700 underline" href={`${base}/${i.id}`}>
                      {i.id}
                    </Link>
                  ),
                },
                {
                  header: "External id",
                  cell: (i) => <span className="font-mono text-xs">{i.externalId ?? "—"}</span>,
                },
                { header: "Text", cell: (i) => <span className="line-clamp-2">{i.preview}</span> },
                { header: "Priority", cell: (i) => i.priority, className: "tabular-nums" },
              ]}
            />
            <div className="mt-4 flex justify-between">
              {query.after ? (
                <Link className="text-sm font-medium text-indigo-700 underline" href={withBatch({})}>
                  ← First page
                </Link>
              ) : (
                <span />
              )}
              {nextCursor ? (
                <Link
                  className="text-sm font-medium text-indigo-700 underline"
                  href={withBatch({ after: nextCursor })}
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
