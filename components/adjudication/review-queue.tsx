import Link from "next/link";
import { formatPercent, formatValueFor } from "@/components/eval-sets/format-value";
import { asSpans, formatValue } from "@/components/label-kinds/label-values";
import { DataTable } from "@/components/ui/data-table";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import type { TFinalLabelsItem } from "@/lib/schemas/final-labels";

/** A value as people read it; spans quoted from the text they mark when the preview holds them. */
function showValue(rawSpec: Record<string, unknown>, item: TFinalLabelsItem, value: unknown): string {
  const spec = rawSpec as unknown as TLabelDefinitionSpec;
  if (spec.kind === "spans" && value !== null && value !== undefined) {
    const text = item.previews.find((p) => p.field === spec.textField)?.text;
    const spans = asSpans(value) ?? [];
    if (text !== undefined && spans.every((s) => s.end <= text.length)) {
      return formatValue(spec, value as TLabelValue, text);
    }
  }
  return formatValueFor(rawSpec, value);
}

/** Items the rule leaves unresolved, with how the annotators split on each definition. */
export function ReviewQueue({
  projectId,
  items,
  definitions,
}: {
  projectId: string;
  items: TFinalLabelsItem[];
  definitions: { key: string; title: string; spec: Record<string, unknown> }[];
}) {
  return (
    <DataTable
      caption="Items waiting for a decision"
      rows={items}
      rowKey={(i) => i.itemId}
      columns={[
        {
          header: "Item",
          cell: (i) => (
            <Link
              className="font-mono text-indigo-700 underline"
              href={`/projects/${projectId}/adjudication/${i.itemId}`}
              aria-label={`Review item ${i.itemId}`}
            >
              #{i.itemId}
            </Link>
          ),
        },
        {
          header: "Labeled text",
          cell: (i) => (
            <div className="max-w-md space-y-1">
              {i.previews.map((p) => (
                <p key={p.field ?? ""}>
                  {p.field ? (
                    <span className="mr-1.5 font-mono text-xs text-slate-600">{p.field}</span>
                  ) : null}
                  <span className="line-clamp-2" title={p.text}>
                    {p.text}
                  </span>
                </p>
              ))}
            </div>
          ),
        },
        ...definitions.map((d) => ({
          header: d.title,
          cell: (i: TFinalLabelsItem) => {
            const label = i.labels[d.key];
            if (label?.isResolved) {
              return <span className="text-slate-600">{showValue(d.spec, i, label.value)}</span>;
            }
            return (
              <div>
                <ul className="flex flex-wrap gap-1">
                  {(i.votes[d.key] ?? []).map((v) => (
                    <li
                      key={JSON.stringify(v.value)}
                      className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200"
                    >
                      {showValue(d.spec, i, v.value)} ×{v.count}
                    </li>
                  ))}
                </ul>
                <p className="mt-1 text-xs text-slate-600">
                  agreement {formatPercent(label?.agreement)}
                  {i.isComplete ? "" : " · still being labeled"}
                </p>
              </div>
            );
          },
        })),
      ]}
    />
  );
}
