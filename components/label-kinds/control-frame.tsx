import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { TLabelDefinitionSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelValue } from "@/lib/label-definitions/value-schema";
import { formatValue, isSameValue } from "./label-values";

export type TSuggestionHint = { text: string; isAccepted: boolean; onAccept: () => void };

/** The suggestion hint for a control, or null when there is no suggestion. */
export function suggestionHint<TValue extends TLabelValue>(
  spec: TLabelDefinitionSpec,
  value: TValue | null,
  suggestion: TValue | null | undefined,
  accept: (suggestion: TValue) => void,
  text?: string,
): TSuggestionHint | null {
  if (suggestion === null || suggestion === undefined) return null;
  return {
    text: formatValue(spec, suggestion, text),
    isAccepted: isSameValue(spec, value, suggestion),
    onAccept: () => accept(suggestion),
  };
}

/**
 * The frame every control sits in: a group named after the definition, its title, whether it is
 * optional, whether it owns the hotkeys, a Clear button and the model's suggestion.
 */
export function ControlFrame({
  spec,
  isActive = false,
  onClear,
  suggestion,
  children,
}: {
  spec: TLabelDefinitionSpec;
  isActive?: boolean;
  /** Shown as a "Clear" button when given (i.e. when there is something to clear). */
  onClear?: () => void;
  suggestion?: TSuggestionHint | null;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-label={spec.title}
      data-definition={spec.key}
      className={`space-y-3 rounded-lg border bg-white p-4 text-sm shadow-sm ${
        isActive ? "border-indigo-600 ring-1 ring-indigo-600" : "border-slate-200"
      }`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-semibold text-slate-900">{spec.title}</p>
        {spec.required ? null : (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">optional</span>
        )}
        {isActive ? (
          <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800">
            Keys active
          </span>
        ) : null}
        {onClear ? (
          <Button variant="ghost" className="ml-auto px-2 py-1 text-xs shadow-none" onClick={onClear}>
            Clear<span className="sr-only"> {spec.title}</span>
          </Button>
        ) : null}
      </div>
      {children}
      {suggestion ? <SuggestionHint {...suggestion} /> : null}
    </div>
  );
}

export function SuggestionHint({ text, isAccepted, onAccept }: TSuggestionHint) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-slate-800">
      <p className="min-w-0 flex-1 break-words">
        Model suggests: <strong className="font-semibold text-slate-900">{text}</strong>
      </p>
      {isAccepted ? (
        <span className="text-xs font-medium text-slate-700">✓ Your answer matches</span>
      ) : (
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={onAccept}>
          Accept suggestion
        </Button>
      )}
    </div>
  );
}
