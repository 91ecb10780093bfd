"use client";

import type { TPairwiseSpec } from "@/lib/label-definitions/definition-spec";
import type { TPairwiseValue } from "@/lib/label-definitions/label-limits";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { FieldText } from "./field-text";
import { OptionButton } from "./option-button";
import { useHotkeys } from "./use-hotkeys";

const CHOICES: { value: TPairwiseValue; title: string; hotkey: string }[] = [
  { value: "A", title: "A is better", hotkey: "a" },
  { value: "B", title: "B is better", hotkey: "b" },
  { value: "tie", title: "Tie", hotkey: "t" },
];

/** Two sides side by side (with an optional shared prompt above) and A / B / Tie; keys a, b, t. */
export function PairwiseControl({
  spec,
  value,
  onChange,
  item,
  suggestion,
  isActive = false,
}: TLabelControlProps<TPairwiseSpec, TPairwiseValue>) {
  const choices = CHOICES.filter((c) => c.value !== "tie" || spec.allowTie);

  useHotkeys((key) => {
    const choice = choices.find((c) => c.hotkey === key);
    if (!choice) return false;
    onChange(choice.value);
    return true;
  }, isActive);

  const sides = [
    { name: "A", field: spec.textFields[0], isChosen: value === "A" },
    { name: "B", field: spec.textFields[1], isChosen: value === "B" },
  ];

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      {spec.textField !== undefined ? (
        <section aria-label="Prompt" className="rounded-md bg-slate-50 px-3 py-2">
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">Prompt</h3>
          <div tabIndex={0} className="max-h-48 overflow-y-auto">
            <FieldText data={item.data} field={spec.textField} />
          </div>
        </section>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {sides.map((side) => (
          <section
            key={side.name}
            aria-label={`Side ${side.name}`}
            className={`rounded-lg border bg-white ${
              side.isChosen
                ? "border-indigo-600 ring-2 ring-indigo-600"
                : value === "tie"
                  ? "border-slate-400"
                  : "border-slate-200"
            }`}
          >
            <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
              <h3 className="font-semibold text-slate-900">{side.name}</h3>
              {side.isChosen ? (
                <span className="text-xs font-medium text-indigo-800">✓ Preferred</span>
              ) : null}
              {value === "tie" ? <span className="text-xs font-medium text-slate-700">Tie</span> : null}
            </header>
            {/* Focusable so long sides can be scrolled with the keyboard. */}
            <div tabIndex={0} className="max-h-96 overflow-y-auto px-3 py-2">
              <FieldText data={item.data} field={side.field} />
            </div>
          </section>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <OptionButton
            key={choice.value}
            title={choice.title}
            hotkey={choice.hotkey}
            indicator="radio"
            isPressed={value === choice.value}
            onClick={() => onChange(choice.value)}
          />
        ))}
      </div>
    </ControlFrame>
  );
}
