"use client";

import { useState } from "react";
import type { TRubricSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { Kbd } from "./option-button";
import { ratingHotkeys } from "./rating-keys";
import { useHotkeys } from "./use-hotkeys";

type TScores = Record<string, number>;

/**
 * Several criteria, each an integer scale with its end labels. The focused criterion (↑ ↓, or a
 * click) takes the digit keys, like a rating scale; scoring one moves the focus to the next.
 */
export function RubricControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TRubricSpec, TScores>) {
  const [focused, setFocused] = useState(0);
  const scores: TScores = value ?? {};
  const set = (index: number, score: number) => {
    onChange({ ...scores, [spec.criteria[index].key]: score });
    setFocused(Math.min(spec.criteria.length - 1, index + 1));
  };

  useHotkeys((key) => {
    if (key === "ArrowDown" || key === "ArrowUp") {
      setFocused((f) => Math.min(spec.criteria.length - 1, Math.max(0, f + (key === "ArrowDown" ? 1 : -1))));
      return true;
    }
    const criterion = spec.criteria[focused];
    if (!criterion) return false;
    const index = ratingHotkeys(criterion.min, criterion.max).indexOf(key);
    if (index === -1) return false;
    set(focused, criterion.min + index);
    return true;
  }, isActive);

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <p className="text-xs text-slate-700">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> choose a criterion; digits score it.
      </p>
      <ol className="space-y-3">
        {spec.criteria.map((c, index) => {
          const hotkeys = ratingHotkeys(c.min, c.max);
          const values = Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i);
          const isFocused = isActive && focused === index;
          return (
            // The group sits inside the list item: a list's children must stay list items (axe "list").
            <li key={c.key}>
              <div
                role="group"
                aria-label={c.title}
                data-criterion={c.key}
                className={`rounded-md border px-3 py-2 ${isFocused ? "border-indigo-600 ring-1 ring-indigo-600" : "border-slate-200"}`}
              >
                <h3 className="mb-2 font-semibold text-slate-900">{c.title}</h3>
                <div className="flex flex-wrap items-center gap-2">
                  {c.minLabel ? <span className="text-xs text-slate-700">{c.minLabel}</span> : null}
                  {values.map((n, i) => {
                    const isPressed = scores[c.key] === n;
                    return (
                      <button
                        key={n}
                        type="button"
                        aria-pressed={isPressed}
                        aria-keyshortcuts={isFocused ? (hotkeys[i] ?? undefined) : undefined}
                        onClick={() => {
                          setFocused(index);
                          set(index, n);
                        }}
                        className={`min-w-10 rounded-md px-3 py-1.5 text-sm font-semibold tabular-nums ring-1 ${
                          isPressed
                            ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-700"
                            : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
                        }`}
                      >
                        {n}
                      </button>
                    );
                  })}
                  {c.maxLabel ? <span className="text-xs text-slate-700">{c.maxLabel}</span> : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </ControlFrame>
  );
}
