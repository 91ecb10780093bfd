import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { TItemStatus, TItemSummary } from "@/lib/schemas/items";

export const STATUS_LABELS: Record<TItemStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done, needs a decision",
  resolved: "Resolved",
  adjudicated: "Adjudicated",
};

const STATUS_STYLES: Record<TItemStatus, string> = {
  open: "bg-slate-100 text-slate-800",
  in_progress: "bg-sky-100 text-sky-900",
  done: "bg-amber-100 text-amber-900",
  resolved: "bg-green-100 text-green-900",
  adjudicated: "bg-indigo-100 text-indigo-900",
};

function labelText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The items browser's rows: the status is a word (its colour only repeats it). */
export function ItemsTable({ items, itemHref }: { items: TItemSummary[]; itemHref: (id: string) => string }) {
  return (
    <DataTable
      caption="Items"
      rows={items}
      rowKey={(i) => i.id}
      columns={[
        {
          header: "Item",
          cell: (i) => (
            <Link className="font-mono text-indigo-700 underline" href={itemHref(i.id)}>
              {i.externalId ?? `#${i.id}`}
            </Link>
          ),
        },
        { header: "Text", cell: (i) => <span className="line-clamp-2 max-w-md">{i.preview}</span> },
        {
          header: "Status",
          cell: (i) => (
            <span
              className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_STYLES[i.status]}`}
            >
              {STATUS_LABELS[i.status]}
            </span>
          ),
        },
        {
          header: "Annotations",
          cell: (i) => `${i.annotationCount} / ${i.targetCount}`,
          className: "tabular-nums whitespace-nowrap",
        },
        {
          header: "Final labels",
          cell: (i) =>
            Object.keys(i.finalLabels).length === 0 ? (
              <span className="text-slate-600">—</span>
            ) : (
              <dl className="text-xs">
                {Object.entries(i.finalLabels).map(([key, value]) => (
                  <div key={key} className="flex gap-1">
                    <dt className="font-mono text-slate-600">{key}:</dt>
                    <dd className="font-medium break-all">{labelText(value)}</dd>
                  </div>
                ))}
              </dl>
            ),
        },
        { header: "Batch", cell: (i) => <span className="text-xs">{i.batchName}</span> },
      ]}
    />
  );
}
