"use client";

import type { TSingleChoiceSpec } from "@/lib/label-definitions/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { OptionButtons } from "./option-buttons";

/** One option of many. An option's hotkey selects it (pressing it again keeps it selected). */
export function SingleChoiceControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TSingleChoiceSpec, string>) {
  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <OptionButtons
        options={spec.options}
        indicator="radio"
        isPressed={(key) => value === key}
        onPick={onChange}
        isActive={isActive}
      />
    </ControlFrame>
  );
}
