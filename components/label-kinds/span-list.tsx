import type { TLabelOptionSpec } from "@/lib/label-definitions/definition-spec";
import type { TSpan } from "@/lib/label-definitions/value-schema";
import type { TLabelColor } from "./label-colors";
import { Kbd } from "./option-button";

function Swatch({ color }: { color: TLabelColor }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-sm border-2"
      style={{ borderColor: color.line, backgroundColor: color.tint }}
    />
  );
}

/**
 * The labels with their colours and hotkeys. Each is also a button that labels the current selection;
 * mousedown is cancelled so clicking it does not clear the text selection first.
 */
export function SpanLegend({
  options,
  colorOf,
  onLabel,
}: {
  options: readonly TLabelOptionSpec[];
  colorOf: (label: string) => TLabelColor;
  onLabel: (label: string) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs font-medium text-slate-700">Label the selection as:</span>
      {options.map((option) => (
        <button
          key={option.key}
          type="button"
          aria-keyshortcuts={option.hotkey ?? undefined}
          title={option.description}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onLabel(option.key)}
          className="inline-flex items-center gap-1.5 rounded-md bg-white px-2 py-1 text-xs font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          <Swatch color={colorOf(option.key)} />
          {option.title}
          {option.hotkey ? <Kbd>{option.hotkey}</Kbd> : null}
        </button>
      ))}
    </div>
  );
}

function excerpt(text: string, span: TSpan): string {
  const slice = text.slice(span.start, span.end).replace(/\s+/g, " ");
  return slice.length > 40 ? `${slice.slice(0, 39)}…` : slice;
}

/** The spans in text order, as chips naming label and text; clicking a chip removes its span. */
export function SpanChips({
  text,
  spans,
  titleOf,
  colorOf,
  onRemove,
}: {
  text: string;
  spans: readonly TSpan[];
  titleOf: (label: string) => string;
  colorOf: (label: string) => TLabelColor;
  onRemove: (index: number) => void;
}) {
  if (spans.length === 0) return <p className="text-xs text-slate-600">No spans marked yet.</p>;
  const ordered = spans
    .map((span, index) => ({ span, index }))
    .sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end || x.index - y.index);
  return (
    <ul aria-label="Marked spans" className="flex flex-wrap gap-2">
      {ordered.map(({ span, index }) => {
        const title = titleOf(span.label);
        const quote = excerpt(text, span);
        return (
          <li key={`${span.start}:${span.end}:${span.label}:${index}`}>
            <button
              type="button"
              onClick={() => onRemove(index)}
              aria-label={`Remove ${title}: “${quote}” (characters ${span.start}–${span.end})`}
              className="inline-flex max-w-xs items-center gap-1.5 rounded-full bg-white py-1 pr-2 pl-2 text-xs text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-red-50 hover:ring-red-300"
            >
              <Swatch color={colorOf(span.label)} />
              <span className="font-semibold">{title}</span>
              <span className="truncate text-slate-700">“{quote}”</span>
              <span aria-hidden="true" className="text-slate-600">
                ×
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
