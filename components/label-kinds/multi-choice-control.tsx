"use client";

import type { TMultiChoiceSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { OptionButtons } from "./option-buttons";

/**
 * Any number of options, possibly none. An option's hotkey toggles it. Selected keys are kept in
 * option order. `null` (not answered) differs from `[]` (answered: none apply).
 */
export function MultiChoiceControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TMultiChoiceSpec, string[]>) {
  const selected = new Set(value ?? []);

  function toggle(key: string) {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    // Unknown keys (e.g. from an older version) are dropped on the first edit.
    onChange(spec.options.map((o) => o.key).filter((k) => next.has(k)));
  }

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <OptionButtons
        options={spec.options}
        indicator="check"
        isPressed={(key) => selected.has(key)}
        onPick={toggle}
        isActive={isActive}
      />
      <p className="text-xs text-slate-600">
        {value === null
          ? "Choose all that apply."
          : value.length === 0
            ? "None selected: that is a valid answer."
            : `${value.length} selected.`}
      </p>
    </ControlFrame>
  );
}
