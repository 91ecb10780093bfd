"use client";

import type { TRatingSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { Kbd } from "./option-button";
import { ratingHotkeys } from "./rating-keys";
import { useHotkeys } from "./use-hotkeys";

/**
 * A scale of buttons min..max with optional captions. Digit keys pick a value when the scale has at
 * most ten values (see ratingHotkeys); "-" and "+" (or "=") step down and up on any scale.
 */
export function RatingControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TRatingSpec, number>) {
  const values = Array.from({ length: Math.max(spec.max - spec.min + 1, 0) }, (_, i) => spec.min + i);
  const hotkeys = ratingHotkeys(spec.min, spec.max);

  useHotkeys((key) => {
    const index = hotkeys.indexOf(key);
    if (index !== -1) {
      onChange(values[index]);
      return true;
    }
    if (key === "-" || key === "+" || key === "=") {
      const step = key === "-" ? -1 : 1;
      const from = value ?? (step === 1 ? spec.min - 1 : spec.max + 1);
      onChange(Math.min(Math.max(from + step, spec.min), spec.max));
      return true;
    }
    return false;
  }, isActive);

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <div className="flex flex-wrap items-stretch gap-2">
        {values.map((n, index) => {
          const caption = spec.labels[String(n)];
          const hotkey = hotkeys[index];
          const isPressed = value === n;
          return (
            <button
              key={n}
              type="button"
              aria-pressed={isPressed}
              aria-keyshortcuts={hotkey ?? undefined}
              onClick={() => onChange(n)}
              className={`flex min-w-12 flex-col items-center gap-1 rounded-md px-3 py-2 text-sm shadow-sm ring-1 transition-colors ${
                isPressed
                  ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-700"
                  : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
              }`}
            >
              <span className="inline-flex items-center gap-1.5 text-base font-semibold tabular-nums">
                {isPressed ? <span aria-hidden="true">✓</span> : null}
                {n}
              </span>
              {caption ? (
                <span
                  className={`max-w-32 text-center text-xs ${isPressed ? "text-indigo-50" : "text-slate-700"}`}
                >
                  {caption}
                </span>
              ) : null}
              {hotkey ? <Kbd isInverted={isPressed}>{hotkey}</Kbd> : null}
            </button>
          );
        })}
      </div>
    </ControlFrame>
  );
}
