import type { TDisagreementItem } from "@/lib/schemas/agreement-detail";
import { DisagreementHeading } from "./disagreement-heading";
import { formatPercent } from "./format";
import { SpanDisagreementList } from "./span-disagreement-list";

/** The items annotators disagree on most, with every label side by side. */
export function DisagreementList({
  items,
  itemHref,
  isSpans,
}: {
  items: TDisagreementItem[];
  /** Null when the viewer may not open items (engineers). */
  itemHref: ((itemId: string) => string) | null;
  isSpans: boolean;
}) {
  if (items.length === 0)
    return <p className="text-sm text-slate-600">No item has labels from two annotators yet.</p>;
  const withSpans = items.flatMap((item) => (item.spans ? [{ ...item, spans: item.spans }] : []));
  if (isSpans && withSpans.length === items.length)
    return <SpanDisagreementList items={withSpans} itemHref={itemHref} />;
  return (
    <ol className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.itemId} className="py-3">
          <DisagreementHeading item={item} itemHref={itemHref}>
            {isSpans
              ? `F1 ${item.agreement.toFixed(2)}`
              : `${formatPercent(item.agreement)} of annotator pairs agree`}
          </DisagreementHeading>
          <p className="mt-1 line-clamp-2 text-sm text-slate-700">{item.preview}</p>
          <ul className="mt-2 flex flex-wrap gap-2 text-xs">
            {item.labels.map((l, i) => (
              <li key={`${l.annotator}-${i}`} className="rounded-md bg-slate-100 px-2 py-1 text-slate-800">
                <span className="text-slate-600">{l.annotator}:</span>{" "}
                <span className="font-semibold">{l.value}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
