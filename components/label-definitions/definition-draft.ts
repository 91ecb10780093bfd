import type { TLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { ZLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import type { TLabelKind } from "@/lib/label-definitions/label-limits";
import {
  DEFAULT_PAIRWISE_TEXT_FIELDS,
  DEFAULT_RESPONSES_FIELD,
  DEFAULT_SPANS_TEXT_FIELD,
  type TConversationTarget,
} from "@/lib/label-definitions/label-limits";

/** One rubric criterion as typed (numbers kept as strings, like the rating scale). */
export type TCriterionDraft = {
  id: number;
  key: string;
  title: string;
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
};

/**
 * The form's state. Numbers are kept as the strings typed (a half-typed "-" is not a number yet),
 * and every kind's fields are kept while the lead switches kinds, so switching back loses nothing.
 * `inputFromDraft` turns it into the request body for the current kind.
 */
export type TOptionDraft = {
  /** Stable identity for React keys and focus; never sent. */
  id: number;
  key: string;
  title: string;
  /** "" means auto-assigned (or none, when `hasNoHotkey`). */
  hotkey: string;
  description: string;
  /** The option was saved with `hotkey: null` (no hotkey, none auto-assigned); kept until a key is typed. */
  hasNoHotkey: boolean;
};

export type TDefinitionDraft = {
  key: string;
  kind: TLabelKind;
  title: string;
  required: boolean;
  guidelines: string;
  options: TOptionDraft[];
  min: string;
  max: string;
  /** Caption per scale value; values outside min..max are kept but not sent. */
  captions: Record<string, string>;
  spansTextField: string;
  sideA: string;
  sideB: string;
  promptField: string;
  allowTie: boolean;
  shuffleSides: boolean;
  maxLength: string;
  /** Ranking: the data field of the responses; the prompt is `promptField`. */
  responsesField: string;
  allowTies: boolean;
  criteria: TCriterionDraft[];
  /** "" = not set: which assistant turns of the project's conversation the definition judges. */
  conversationTarget: "" | TConversationTarget;
};

let lastOptionId = 0;

export function newOptionDraft(fields: Partial<Omit<TOptionDraft, "id">> = {}): TOptionDraft {
  lastOptionId += 1;
  return { key: "", title: "", hotkey: "", description: "", hasNoHotkey: false, ...fields, id: lastOptionId };
}

export function newCriterionDraft(fields: Partial<Omit<TCriterionDraft, "id">> = {}): TCriterionDraft {
  lastOptionId += 1;
  return { key: "", title: "", min: "1", max: "5", minLabel: "", maxLabel: "", ...fields, id: lastOptionId };
}

export function emptyDraft(): TDefinitionDraft {
  return {
    key: "",
    kind: "single_choice",
    title: "",
    required: true,
    guidelines: "",
    options: [newOptionDraft()],
    min: "1",
    max: "5",
    captions: {},
    spansTextField: DEFAULT_SPANS_TEXT_FIELD,
    sideA: DEFAULT_PAIRWISE_TEXT_FIELDS[0],
    sideB: DEFAULT_PAIRWISE_TEXT_FIELDS[1],
    promptField: "",
    allowTie: true,
    shuffleSides: false,
    maxLength: "",
    responsesField: DEFAULT_RESPONSES_FIELD,
    allowTies: false,
    criteria: [newCriterionDraft()],
    conversationTarget: "",
  };
}

/** The draft for editing an existing definition (an input or a normalized spec). */
export function draftFromInput(input: TLabelDefinitionInput): TDefinitionDraft {
  const draft: TDefinitionDraft = {
    ...emptyDraft(),
    key: input.key,
    kind: input.kind,
    title: input.title ?? "",
    required: input.required ?? true,
    guidelines: input.guidelines ?? "",
    conversationTarget: input.conversationTarget ?? "",
  };
  switch (input.kind) {
    case "single_choice":
    case "multi_choice":
    case "spans":
      draft.options = input.options.map((option) =>
        newOptionDraft({
          key: option.key,
          title: option.title ?? "",
          hotkey: option.hotkey ?? "",
          description: option.description ?? "",
          hasNoHotkey: option.hotkey === null,
        }),
      );
      if (input.kind === "spans" && input.textField !== undefined) draft.spansTextField = input.textField;
      break;
    case "rating":
      draft.min = String(input.min);
      draft.max = String(input.max);
      draft.captions = { ...input.labels };
      break;
    case "pairwise":
      if (input.textFields) [draft.sideA, draft.sideB] = input.textFields;
      draft.promptField = input.textField ?? "";
      draft.allowTie = input.allowTie ?? true;
      draft.shuffleSides = input.shuffleSides ?? false;
      break;
    case "free_text":
      draft.maxLength = input.maxLength === undefined ? "" : String(input.maxLength);
      break;
    case "ranking":
      draft.responsesField = input.responsesField ?? DEFAULT_RESPONSES_FIELD;
      draft.promptField = input.promptField ?? "";
      draft.allowTies = input.allowTies ?? false;
      break;
    case "rubric":
      draft.criteria = input.criteria.map((c) =>
        newCriterionDraft({
          key: c.key,
          title: c.title ?? "",
          min: String(c.min),
          max: String(c.max),
          minLabel: c.minLabel ?? "",
          maxLabel: c.maxLabel ?? "",
        }),
      );
      break;
  }
  return draft;
}

/** A typed number; undefined when blank, NaN when not a number (zod then names the field). */
function toNumber(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text.trim());
}

/** Integer scale bounds when both are valid and the scale is non-empty, else null. */
export function scaleOf(draft: TDefinitionDraft): { min: number; max: number } | null {
  const min = toNumber(draft.min);
  const max = toNumber(draft.max);
  if (min === undefined || max === undefined || !Number.isInteger(min) || !Number.isInteger(max)) return null;
  return max >= min ? { min, max } : null;
}

/**
 * The request body the draft stands for (unvalidated): only the current kind's fields, blank
 * optional fields left out so their defaults apply, names and keys trimmed.
 */
export function inputFromDraft(draft: TDefinitionDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    key: draft.key.trim(),
    kind: draft.kind,
    required: draft.required,
  };
  if (draft.title.trim() !== "") input.title = draft.title.trim();
  if (draft.guidelines.trim() !== "") input.guidelines = draft.guidelines;
  if (draft.conversationTarget !== "") input.conversationTarget = draft.conversationTarget;
  switch (draft.kind) {
    case "single_choice":
    case "multi_choice":
    case "spans":
      input.options = draft.options.map((option) => {
        const out: Record<string, unknown> = { key: option.key.trim() };
        if (option.title.trim() !== "") out.title = option.title.trim();
        if (option.hotkey !== "") out.hotkey = option.hotkey;
        else if (option.hasNoHotkey) out.hotkey = null;
        if (option.description.trim() !== "") out.description = option.description.trim();
        return out;
      });
      if (draft.kind === "spans") input.textField = draft.spansTextField.trim();
      break;
    case "rating": {
      input.min = toNumber(draft.min);
      input.max = toNumber(draft.max);
      const scale = scaleOf(draft);
      const labels: Record<string, string> = {};
      for (const [value, caption] of Object.entries(draft.captions)) {
        const n = Number(value);
        if (scale && caption.trim() !== "" && n >= scale.min && n <= scale.max)
          labels[value] = caption.trim();
      }
      if (Object.keys(labels).length > 0) input.labels = labels;
      break;
    }
    case "pairwise":
      input.textFields = [draft.sideA.trim(), draft.sideB.trim()];
      if (draft.promptField.trim() !== "") input.textField = draft.promptField.trim();
      input.allowTie = draft.allowTie;
      if (draft.shuffleSides) input.shuffleSides = true;
      break;
    case "free_text":
      if (draft.maxLength.trim() !== "") input.maxLength = toNumber(draft.maxLength);
      break;
    case "ranking":
      input.responsesField = draft.responsesField.trim();
      if (draft.promptField.trim() !== "") input.promptField = draft.promptField.trim();
      input.allowTies = draft.allowTies;
      break;
    case "rubric":
      input.criteria = draft.criteria.map((c) => {
        const out: Record<string, unknown> = {
          key: c.key.trim(),
          min: toNumber(c.min),
          max: toNumber(c.max),
        };
        if (c.title.trim() !== "") out.title = c.title.trim();
        if (c.minLabel.trim() !== "") out.minLabel = c.minLabel.trim();
        if (c.maxLabel.trim() !== "") out.maxLabel = c.maxLabel.trim();
        return out;
      });
      break;
  }
  return input;
}

/**
 * A draft that validates whenever the kind-specific settings roughly do, so the preview appears
 * early: placeholders stand in for a bad key, title or guidelines and for blank or bad option keys.
 */
export function previewDraftOf(draft: TDefinitionDraft, errors: Record<string, string>): TDefinitionDraft {
  return {
    ...draft,
    key: errors.key ? "preview" : draft.key,
    title: errors.title || (errors.key && draft.title.trim() === "") ? "Untitled definition" : draft.title,
    guidelines: errors.guidelines ? "" : draft.guidelines,
    options: draft.options.map((option, index) => ({
      ...option,
      key: errors[`options.${index}.key`] ? `option_${index + 1}` : option.key,
      title:
        errors[`options.${index}.key`] && option.title.trim() === "" ? `Option ${index + 1}` : option.title,
      hotkey: errors[`options.${index}.hotkey`] ? "" : option.hotkey,
    })),
    criteria: draft.criteria.map((c, index) => ({
      ...c,
      key: errors[`criteria.${index}.key`] ? `criterion_${index + 1}` : c.key,
    })),
  };
}

export type TDraftValidation =
  | { success: true; input: TLabelDefinitionInput; errors: Record<string, string> }
  | { success: false; input: null; errors: Record<string, string> };

/** Validates the draft; `errors` maps a dot-joined field path ("options.0.key") to its first message. */
export function validateDraft(draft: TDefinitionDraft): TDraftValidation {
  const result = ZLabelDefinitionInput.safeParse(inputFromDraft(draft));
  if (result.success) return { success: true, input: result.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const { path, message } of toFieldErrors(result.error)) errors[path] ??= message;
  return { success: false, input: null, errors };
}
