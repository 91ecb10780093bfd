import type { TDisagreementItem } from "@/lib/schemas/agreement-detail";
import { DisagreementHeading } from "./disagreement-heading";
import { excerptWindow, segmentsOf } from "./span-excerpt";

type TSpanItem = TDisagreementItem & { spans: NonNullable<TDisagreementItem["spans"]> };

const GROUPS = [
  {
    key: "one_marked",
    title: "One marked, one did not",
    hint: "Whether there is anything to mark: some annotators marked words, others nothing.",
  },
  {
    key: "different_places",
    title: "Both marked, in different places",
    hint: "Where: everyone marked something, but not the same characters.",
  },
] as const;

/** An annotator's marks shown in the item's text. */
function MarkedText({
  item,
  spans,
}: {
  item: TSpanItem;
  spans: TSpanItem["spans"]["labels"][number]["spans"];
}) {
  const all = item.spans.labels.flatMap((l) => l.spans);
  const { from, to } = excerptWindow(item.spans.text, all);
  const showTitles = new Set(all.map((s) => s.title)).size > 1;
  if (spans.length === 0) return <span className="italic text-slate-600">marked nothing</span>;
  return (
    <span>
      {from > 0 ? "… " : null}
      {segmentsOf(item.spans.text, spans, from, to).map((seg, i) =>
        seg.titles.length === 0 ? (
          <span key={i}>{seg.text}</span>
        ) : (
          <span key={i}>
            <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{seg.text}</mark>
            {showTitles ? (
              <span className="ml-0.5 text-[11px] font-medium text-amber-900">[{seg.titles.join(", ")}]</span>
            ) : (
              <span className="sr-only"> ({seg.titles.join(", ")})</span>
            )}
          </span>
        ),
      )}
      {to < item.spans.text.length ? " …" : null}
    </span>
  );
}

/** Span disagreements, "whether" apart from "where", each annotator's marks in the item's text. */
export function SpanDisagreementList({
  items,
  itemHref,
}: {
  items: TSpanItem[];
  itemHref: ((itemId: string) => string) | null;
}) {
  return (
    <div className="space-y-6">
      {GROUPS.map((group) => {
        const inGroup = items.filter((item) => item.spans.disagreement === group.key);
        return (
          <section key={group.key} aria-labelledby={`span-disagreements-${group.key}`}>
            <h3 id={`span-disagreements-${group.key}`} className="text-sm font-semibold text-slate-900">
              {group.title}
            </h3>
            <p className="text-xs text-slate-600">{group.hint}</p>
            {inGroup.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No such item.</p>
            ) : (
              <ol className="divide-y divide-slate-100">
                {inGroup.map((item) => (
                  <li key={item.itemId} className="py-3">
                    <DisagreementHeading item={item} itemHref={itemHref}>
                      Character F1 {item.agreement.toFixed(2)}
                    </DisagreementHeading>
                    <ul className="mt-2 space-y-1 text-sm text-slate-800">
                      {item.spans.labels.map((l, i) => (
                        <li key={`${l.annotator}-${i}`}>
                          <span className="text-xs text-slate-600">{l.annotator}:</span>{" "}
                          <MarkedText item={item} spans={l.spans} />
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
