"use client";

import { useId } from "react";
import type { TFreeTextSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";

/**
 * A textarea with a character counter. Typing in it never triggers hotkeys (useHotkeys ignores
 * textareas); Escape leaves the field so the hotkeys work again.
 */
export function FreeTextControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TFreeTextSpec, string>) {
  const counterId = useId();
  const text = value ?? "";
  const remaining = spec.maxLength - text.length;
  const isNearLimit = remaining <= Math.max(10, spec.maxLength * 0.05);

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null || value === "" ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <textarea
        aria-label={spec.title}
        aria-describedby={counterId}
        value={text}
        maxLength={spec.maxLength}
        rows={4}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        className="block w-full resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
      />
      <p
        id={counterId}
        className={`text-right text-xs tabular-nums ${isNearLimit ? "font-medium text-red-700" : "text-slate-600"}`}
      >
        {text.length} / {spec.maxLength} characters
        {isNearLimit ? ` (${Math.max(remaining, 0)} left)` : ""}
      </p>
    </ControlFrame>
  );
}
