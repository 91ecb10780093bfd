"use client";

import type { TLabelOptionSpec } from "@/lib/label-definitions/definition-spec";
import { OptionButton } from "./option-button";
import { useHotkeys } from "./use-hotkeys";

/** The row of option buttons shared by the choice controls; an option's hotkey picks it while active. */
export function OptionButtons({
  options,
  indicator,
  isPressed,
  onPick,
  isActive,
}: {
  options: TLabelOptionSpec[];
  indicator: "radio" | "check";
  isPressed: (key: string) => boolean;
  onPick: (key: string) => void;
  isActive: boolean;
}) {
  useHotkeys((key) => {
    const option = options.find((o) => o.hotkey === key);
    if (!option) return false;
    onPick(option.key);
    return true;
  }, isActive);

  return (
    <div className="flex flex-wrap items-start gap-2">
      {options.map((option) => (
        <OptionButton
          key={option.key}
          title={option.title}
          description={option.description}
          hotkey={option.hotkey}
          indicator={indicator}
          isPressed={isPressed(option.key)}
          onClick={() => onPick(option.key)}
        />
      ))}
    </div>
  );
}
