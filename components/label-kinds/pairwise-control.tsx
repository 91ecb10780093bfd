"use client";

import type { TPairwiseSpec } from "@/lib/label-definitions/definition-spec";
import type { TPairwiseValue } from "@/lib/label-definitions/label-limits";
import { isShownFlipped, sideAt, type TSidePosition } from "@/lib/label-definitions/pairwise-sides";
import type { TLabelControlProps } from "./control-types";
import { ControlFrame, suggestionHint } from "./control-frame";
import { FieldText } from "./field-text";
import { OptionButton } from "./option-button";
import { useHotkeys } from "./use-hotkeys";

type TChoice = { value: TPairwiseValue; title: string; hotkey: string; keys: string[] };

const POSITION_KEYS: Record<TSidePosition, { arrow: string; glyph: string }> = {
  left: { arrow: "ArrowLeft", glyph: "←" },
  right: { arrow: "ArrowRight", glyph: "→" },
};

/**
 * The choices as shown. With shuffled sides the sides are named by where they are (Left, Right),
 * never by their letter, and ← → answer them; the value chosen is always the data's own side.
 * Otherwise A is left: keys a and b, and ← → as well.
 */
function choicesOf(spec: TPairwiseSpec, isFlipped: boolean): TChoice[] {
  const isShuffled = spec.shuffleSides === true;
  const sides = (["left", "right"] as const).map((position): TChoice => {
    const value = sideAt(position, isFlipped);
    const { arrow, glyph } = POSITION_KEYS[position];
    return isShuffled
      ? { value, title: `${position === "left" ? "Left" : "Right"} is better`, hotkey: glyph, keys: [arrow] }
      : {
          value,
          title: `${value} is better`,
          hotkey: value.toLowerCase(),
          keys: [value.toLowerCase(), arrow],
        };
  });
  return spec.allowTie ? [...sides, { value: "tie", title: "Tie", hotkey: "t", keys: ["t"] }] : sides;
}

/** Two sides side by side (with an optional shared prompt above) and a choice of the better one, or Tie. */
export function PairwiseControl({
  spec,
  value,
  onChange,
  item,
  suggestion,
  isActive = false,
  sidesFlipped = false,
}: TLabelControlProps<TPairwiseSpec, TPairwiseValue>) {
  const isFlipped = isShownFlipped(spec, sidesFlipped);
  const choices = choicesOf(spec, isFlipped);

  useHotkeys((key) => {
    const choice = choices.find((c) => c.keys.includes(key));
    if (!choice) return false;
    onChange(choice.value);
    return true;
  }, isActive);

  const sides = (["left", "right"] as const).map((position) => {
    const name = sideAt(position, isFlipped);
    return {
      name,
      title: spec.shuffleSides ? (position === "left" ? "Left" : "Right") : name,
      field: spec.textFields[name === "A" ? 0 : 1],
      isChosen: value === name,
    };
  });

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
            aria-label={`Side ${side.title}`}
            className={`rounded-lg border bg-white ${
              side.isChosen
                ? "border-indigo-600 ring-2 ring-indigo-600"
                : value === "tie"
                  ? "border-slate-400"
                  : "border-slate-200"
            }`}
          >
            <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
              <h3 className="font-semibold text-slate-900">{side.title}</h3>
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
