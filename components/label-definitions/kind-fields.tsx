"use client";

import { TextField } from "@/components/ui/field";
import {
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  MAX_FREE_TEXT_MAX_LENGTH,
  MAX_RATING_SPAN,
  MIN_FREE_TEXT_MAX_LENGTH,
} from "@/lib/label-definitions/label-limits";
import type { TDefinitionDraft } from "./definition-draft";
import { scaleOf } from "./definition-draft";
import { CheckboxField } from "./form-controls";

type TKindFieldsProps = {
  draft: TDefinitionDraft;
  onChange: (patch: Partial<TDefinitionDraft>) => void;
  errorOf: (path: string) => string | undefined;
  onTouch: (path: string) => void;
};

export function RatingFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  const scale = scaleOf(draft);
  const values =
    scale && scale.max > scale.min && scale.max - scale.min <= MAX_RATING_SPAN
      ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i)
      : [];
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 sm:max-w-sm">
        <TextField
          label="Lowest value (min)"
          type="number"
          step={1}
          inputMode="numeric"
          value={draft.min}
          onChange={(e) => onChange({ min: e.target.value })}
          onBlur={() => onTouch("min")}
          error={errorOf("min")}
        />
        <TextField
          label="Highest value (max)"
          type="number"
          step={1}
          inputMode="numeric"
          value={draft.max}
          onChange={(e) => onChange({ max: e.target.value })}
          onBlur={() => onTouch("max")}
          error={errorOf("max")}
        />
      </div>
      {values.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Captions (optional)</legend>
          <p className="text-xs text-slate-600">Shown under each value, e.g. 1 “Poor” … 5 “Excellent”.</p>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            {values.map((value) => (
              <TextField
                key={value}
                label={`Caption for ${value}`}
                value={draft.captions[String(value)] ?? ""}
                onChange={(e) =>
                  onChange({ captions: { ...draft.captions, [String(value)]: e.target.value } })
                }
                onBlur={() => onTouch(`labels.${value}`)}
                error={errorOf(`labels.${value}`)}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}

export function SpansFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  return (
    <div className="sm:max-w-sm">
      <TextField
        label="Text field"
        value={draft.spansTextField}
        onChange={(e) => onChange({ spansTextField: e.target.value })}
        onBlur={() => onTouch("textField")}
        error={errorOf("textField")}
        hint="The field of each item's data that holds the text to mark, e.g. “text”."
        spellCheck={false}
      />
    </div>
  );
}

export function PairwiseFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Side A field"
          value={draft.sideA}
          onChange={(e) => onChange({ sideA: e.target.value })}
          onBlur={() => onTouch("textFields.0")}
          error={errorOf("textFields.0") ?? errorOf("textFields")}
          spellCheck={false}
        />
        <TextField
          label="Side B field"
          value={draft.sideB}
          onChange={(e) => onChange({ sideB: e.target.value })}
          onBlur={() => onTouch("textFields.1")}
          error={errorOf("textFields.1")}
          spellCheck={false}
        />
      </div>
      <div className="sm:max-w-sm">
        <TextField
          label="Prompt field (optional)"
          value={draft.promptField}
          onChange={(e) => onChange({ promptField: e.target.value })}
          onBlur={() => onTouch("textField")}
          error={errorOf("textField")}
          hint="A field shown above both sides, e.g. the question both answers respond to."
          spellCheck={false}
        />
      </div>
      <CheckboxField
        label="Allow a tie"
        checked={draft.allowTie}
        onChange={(e) => onChange({ allowTie: e.target.checked })}
        error={errorOf("allowTie")}
      />
      <CheckboxField
        label="Shuffle sides"
        hint="Each annotator sees A and B in an order drawn for them, so a side's position cannot bias the answer. Answers are still stored as A and B."
        checked={draft.shuffleSides}
        onChange={(e) => onChange({ shuffleSides: e.target.checked })}
        error={errorOf("shuffleSides")}
      />
    </div>
  );
}

export function FreeTextFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  return (
    <div className="sm:max-w-xs">
      <TextField
        label="Maximum length (characters)"
        type="number"
        step={1}
        min={MIN_FREE_TEXT_MAX_LENGTH}
        max={MAX_FREE_TEXT_MAX_LENGTH}
        inputMode="numeric"
        value={draft.maxLength}
        placeholder={String(DEFAULT_FREE_TEXT_MAX_LENGTH)}
        onChange={(e) => onChange({ maxLength: e.target.value })}
        onBlur={() => onTouch("maxLength")}
        error={errorOf("maxLength")}
        hint={`Leave blank for ${DEFAULT_FREE_TEXT_MAX_LENGTH}.`}
      />
    </div>
  );
}
