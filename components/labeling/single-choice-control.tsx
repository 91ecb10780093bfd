"use client";

import type { TSingleChoiceSpec } from "@/lib/labels/definition-spec";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { OptionButton } from "./option-button";
import { useHotkeys } from "./use-hotkeys";

/** One option of many. An option's hotkey selects it (pressing it again keeps it selected). */
export function SingleChoiceControl({
  spec,
  value,
  onChange,
  suggestion,
  isActive = false,
}: TLabelControlProps<TSingleChoiceSpec, string>) {
  useHotkeys((key) => {
    const option = spec.options.find((o) => o.hotkey === key);
    if (!option) return false;
    onChange(option.key);
    return true;
  }, isActive);

  return (
    <ControlFrame
      spec={spec}
      isActive={isActive}
      onClear={value === null ? undefined : () => onChange(null)}
      suggestion={suggestionHint(spec, value, suggestion, onChange)}
    >
      <div className="flex flex-wrap items-start gap-2">
        {spec.options.map((option) => (
          <OptionButton
            key={option.key}
            title={option.title}
            description={option.description}
            hotkey={option.hotkey}
            indicator="radio"
            isPressed={value === option.key}
            onClick={() => onChange(option.key)}
          />
        ))}
      </div>
    </ControlFrame>
  );
}
