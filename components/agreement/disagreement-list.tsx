import type { TDisagreementItem } from "@/lib/schemas/agreement-detail";
import { DisagreementHeading } from "./disagreement-heading";
import { formatLabelValue, formatPercent } from "./format";
import { SpanDisagreementList } from "./span-disagreement-list";

/** The items annotators disagree on most, with every label side by side. */
export function DisagreementList({
  items,
  itemHref,
  isSpans,
  kind,
  criterionTitles,
}: {
  items: TDisagreementItem[];
  /** Null when the viewer may not open items (engineers). */
  itemHref: ((itemId: string) => string) | null;
  isSpans: boolean;
  kind?: string;
  /** A rubric's criteria, key to title, in the definition's order. */
  criterionTitles?: ReadonlyMap<string, string>;
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
            {agreementText(item.agreement, isSpans ? "spans" : kind)}
          </DisagreementHeading>
          <p className="mt-1 line-clamp-2 text-sm text-slate-700">{item.preview}</p>
          {item.responses ? <DisputedResponses responses={item.responses} /> : null}
          {/* The labels' style is set once on the list, not on each of them (HTML and payload). */}
          <ul className="mt-2 flex flex-wrap gap-2 text-xs [&>li]:rounded-md [&>li]:bg-slate-100 [&>li]:px-2 [&>li]:py-1 [&>li]:text-slate-800 [&>li>b]:font-semibold [&>li>span]:text-slate-600">
            {item.labels.map((l, i) => (
              <li key={i}>
                <span>{l.annotator}:</span> <b>{formatLabelValue(l.value, criterionTitles)}</b>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** What an item's agreement figure is, by kind (feedback-detail.ts scores rankings and rubrics). */
function agreementText(agreement: number, kind: string | undefined): string {
  if (kind === "spans") return `F1 ${agreement.toFixed(2)}`;
  if (kind === "ranking") return `Kendall's W ${agreement.toFixed(2)}`;
  if (kind === "rubric")
    return `Scores ${formatPercent(1 - agreement)} of the scale apart, mean over criteria`;
  return `${formatPercent(agreement)} of annotator pairs agree`;
}

/** A ranked item's responses, the most disputed first: where annotators put it, and how far apart. */
function DisputedResponses({ responses }: { responses: NonNullable<TDisagreementItem["responses"]> }) {
  return (
    <ol aria-label="Responses, most disputed first" className="mt-2 space-y-1 text-sm">
      {responses.map((r) => (
        <li key={r.position} className="flex gap-2">
          <span className="shrink-0 font-medium whitespace-nowrap text-slate-900 tabular-nums">
            Response {r.position + 1}
          </span>
          <span className="shrink-0 whitespace-nowrap text-slate-700 tabular-nums">
            mean rank {r.meanRank.toFixed(1)} · ranks {r.spread.toFixed(1)} apart
          </span>
          <span className="min-w-0 truncate text-slate-600">{r.text}</span>
        </li>
      ))}
    </ol>
  );
}
