import { LANE_PX, SpanText } from "@/components/label-kinds/span-text";
import { useSpanDrawing } from "@/components/label-kinds/use-span-drawing";
import type { TSpansSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";

/**
 * One annotation's spans drawn on the text they mark (the field the definition labels), read-only,
 * in the colours the annotators saw, with the marked words listed below for screen readers and for
 * a quick scan.
 */
export function AnnotatedText({ spec, text, spans }: { spec: TSpansSpec; text: string; spans: TSpan[] }) {
  const { segments, lanes, laneCount, titleOf, colorOf } = useSpanDrawing(text, spans, spec.options);
  const ordered = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  return (
    <div className="space-y-2">
      <div
        className="max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white px-3 py-2 text-sm break-words whitespace-pre-wrap text-slate-900"
        style={{ lineHeight: `calc(1.8em + ${laneCount * LANE_PX}px)` }}
      >
        <SpanText
          segments={segments}
          spans={spans}
          lanes={lanes}
          laneCount={laneCount}
          titleOf={titleOf}
          colorOf={colorOf}
        />
      </div>
      {ordered.length === 0 ? (
        <p className="text-xs text-slate-600">No spans marked.</p>
      ) : (
        <ul aria-label="Marked spans" className="flex flex-wrap gap-1.5 text-xs">
          {ordered.map((span) => (
            <li
              key={`${span.start}:${span.end}:${span.label}`}
              className="rounded-full bg-white px-2 py-0.5 text-slate-800 ring-1 ring-slate-300"
            >
              <span className="font-semibold">{titleOf(span.label)}</span> “{text.slice(span.start, span.end)}
              ”
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
