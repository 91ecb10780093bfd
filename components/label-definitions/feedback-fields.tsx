"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { DEFAULT_RESPONSES_FIELD, MAX_RUBRIC_CRITERIA } from "@/lib/label-definitions/label-limits";
import type { TCriterionDraft, TDefinitionDraft } from "./definition-draft";
import { newCriterionDraft } from "./definition-draft";
import { CheckboxField } from "./form-controls";

type TKindFieldsProps = {
  draft: TDefinitionDraft;
  onChange: (patch: Partial<TDefinitionDraft>) => void;
  errorOf: (path: string) => string | undefined;
  onTouch: (path: string) => void;
};

export function RankingFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Responses field"
          value={draft.responsesField}
          placeholder={DEFAULT_RESPONSES_FIELD}
          onChange={(e) => onChange({ responsesField: e.target.value })}
          onBlur={() => onTouch("responsesField")}
          error={errorOf("responsesField")}
          hint="A field holding a list of texts, the responses to rank (2 to 12)."
          spellCheck={false}
        />
        <TextField
          label="Prompt field (optional)"
          value={draft.promptField}
          onChange={(e) => onChange({ promptField: e.target.value })}
          onBlur={() => onTouch("promptField")}
          error={errorOf("promptField")}
          hint="Shown once above the responses; preference pairs carry it as their prompt."
          spellCheck={false}
        />
      </div>
      <CheckboxField
        label="Allow ties (responses may share a rank)"
        checked={draft.allowTies}
        onChange={(e) => onChange({ allowTies: e.target.checked })}
        error={errorOf("allowTies")}
      />
    </div>
  );
}

export function RubricFields({ draft, onChange, errorOf, onTouch }: TKindFieldsProps) {
  const update = (index: number, patch: Partial<TCriterionDraft>) =>
    onChange({ criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">Criteria</legend>
      {errorOf("criteria") ? <p className="text-sm text-red-800">{errorOf("criteria")}</p> : null}
      {draft.criteria.map((c, index) => (
        <div key={c.id} className="space-y-2 rounded-md border border-slate-200 p-3">
          <div className="grid gap-3 sm:grid-cols-4">
            {(
              [
                ["key", "Key", c.key],
                ["title", "Title (optional)", c.title],
                ["min", "Lowest score", c.min],
                ["max", "Highest score", c.max],
                ["minLabel", "Label of the lowest (optional)", c.minLabel],
                ["maxLabel", "Label of the highest (optional)", c.maxLabel],
              ] as const
            ).map(([field, label, value]) => (
              <TextField
                key={field}
                label={`${label}, criterion ${index + 1}`}
                value={value}
                inputMode={field === "min" || field === "max" ? "numeric" : undefined}
                onChange={(e) => update(index, { [field]: e.target.value })}
                onBlur={() => onTouch(`criteria.${index}.${field}`)}
                error={errorOf(`criteria.${index}.${field}`)}
                spellCheck={false}
              />
            ))}
          </div>
          <Button
            variant="secondary"
            disabled={draft.criteria.length <= 1}
            onClick={() => onChange({ criteria: draft.criteria.filter((_, i) => i !== index) })}
          >
            Remove criterion {index + 1}
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        disabled={draft.criteria.length >= MAX_RUBRIC_CRITERIA}
        onClick={() => onChange({ criteria: [...draft.criteria, newCriterionDraft()] })}
      >
        Add a criterion
      </Button>
    </fieldset>
  );
}

/** Any kind: on a project that shows a conversation, which assistant turns the definition judges. */
export function ConversationTargetField({ draft, onChange, errorOf }: TKindFieldsProps) {
  return (
    <div className="sm:max-w-sm">
      <SelectField
        label="Conversation turns judged"
        value={draft.conversationTarget}
        onChange={(e) =>
          onChange({ conversationTarget: e.target.value as TDefinitionDraft["conversationTarget"] })
        }
        error={errorOf("conversationTarget")}
        hint="When the project shows a conversation: the turns this label is about (highlighted in the transcript)."
      >
        <option value="">Not about a conversation</option>
        <option value="last_assistant_turn">The last assistant turn</option>
        <option value="all_assistant_turns">Every assistant turn</option>
      </SelectField>
    </div>
  );
}
