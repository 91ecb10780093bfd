import type { TLabelDefinitionInput } from "./definition-schema";
import { ZLabelDefinitionInput } from "./definition-schema";
import { assignHotkeys } from "./hotkeys";
import {
  DEFAULT_ALLOW_TIE,
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  DEFAULT_PAIRWISE_TEXT_FIELDS,
  DEFAULT_REQUIRED,
  DEFAULT_RESPONSES_FIELD,
  DEFAULT_SPANS_TEXT_FIELD,
  DEFAULT_ALLOW_TIES,
  type TConversationTarget,
} from "./label-limits";
import type { TLabelOptionInput } from "./option-schema";

/** An option with defaults filled: `title` defaults to the key; `hotkey` is null when none. */
export type TLabelOptionSpec = {
  key: string;
  title: string;
  hotkey: string | null;
  description?: string;
};

type TBaseSpec = {
  key: string;
  /** Defaults to the key. */
  title: string;
  /** Markdown; defaults to "". */
  guidelines: string;
  /** Defaults to true. */
  required: boolean;
  /** Which assistant turns of the project's conversation this definition judges; absent when not set. */
  conversationTarget?: TConversationTarget;
};

export type TSingleChoiceSpec = TBaseSpec & { kind: "single_choice"; options: TLabelOptionSpec[] };
export type TMultiChoiceSpec = TBaseSpec & { kind: "multi_choice"; options: TLabelOptionSpec[] };
export type TRatingSpec = TBaseSpec & {
  kind: "rating";
  min: number;
  max: number;
  /** Caption per scale value, keyed by the value as a decimal string; defaults to {}. */
  labels: Record<string, string>;
};
export type TSpansSpec = TBaseSpec & {
  kind: "spans";
  options: TLabelOptionSpec[];
  /** Item data field holding the text; defaults to "text". */
  textField: string;
};
export type TPairwiseSpec = TBaseSpec & {
  kind: "pairwise";
  /** Item data fields of side A and side B; defaults to ["a", "b"]. */
  textFields: [string, string];
  /** Optional shared prompt / context field; absent when not set. */
  textField?: string;
  /** Defaults to true. */
  allowTie: boolean;
  /**
   * Each assignment shows the sides in an order drawn for it (assignments.sides_flipped); values stay
   * in the data's terms ("A" is textFields[0]). Absent when off.
   */
  shuffleSides?: true;
};
export type TFreeTextSpec = TBaseSpec & {
  kind: "free_text";
  /** Defaults to 2000. */
  maxLength: number;
};

export type TRankingSpec = TBaseSpec & {
  kind: "ranking";
  /** Item data field holding the responses (an array of strings); defaults to "responses". */
  responsesField: string;
  /** Item data field holding the prompt; absent when not set. */
  promptField?: string;
  /** Defaults to false. */
  allowTies: boolean;
};
export type TRubricCriterion = {
  key: string;
  /** Defaults to the key. */
  title: string;
  min: number;
  max: number;
  minLabel?: string;
  maxLabel?: string;
};
export type TRubricSpec = TBaseSpec & { kind: "rubric"; criteria: TRubricCriterion[] };

/** A label definition version with every default filled in and hotkeys assigned. */
export type TLabelDefinitionSpec =
  | TSingleChoiceSpec
  | TMultiChoiceSpec
  | TRatingSpec
  | TSpansSpec
  | TPairwiseSpec
  | TFreeTextSpec
  | TRankingSpec
  | TRubricSpec;

/** Definitions whose value is an option key (or keys). */
export type TOptionsSpec = TSingleChoiceSpec | TMultiChoiceSpec | TSpansSpec;

export function hasOptions(spec: TLabelDefinitionSpec): spec is TOptionsSpec {
  return spec.kind === "single_choice" || spec.kind === "multi_choice" || spec.kind === "spans";
}

function normalizeOptions(options: readonly TLabelOptionInput[]): TLabelOptionSpec[] {
  const hotkeys = assignHotkeys(options);
  return options.map((option, index) => {
    const spec: TLabelOptionSpec = {
      key: option.key,
      title: option.title ?? option.key,
      hotkey: hotkeys[index] ?? null,
    };
    if (option.description !== undefined) spec.description = option.description;
    return spec;
  });
}

/**
 * Fill defaults and assign hotkeys. Takes an already validated input (see ZLabelDefinitionInput).
 * Idempotent: a spec is itself a valid input, and normalizing it again returns an equal spec.
 */
export function normalizeDefinition(input: TLabelDefinitionInput): TLabelDefinitionSpec {
  const base: TBaseSpec = {
    key: input.key,
    title: input.title ?? input.key,
    guidelines: input.guidelines ?? "",
    required: input.required ?? DEFAULT_REQUIRED,
  };
  if (input.conversationTarget !== undefined) base.conversationTarget = input.conversationTarget;
  switch (input.kind) {
    case "single_choice":
    case "multi_choice":
      return { ...base, kind: input.kind, options: normalizeOptions(input.options) };
    case "rating":
      return { ...base, kind: "rating", min: input.min, max: input.max, labels: { ...input.labels } };
    case "spans":
      return {
        ...base,
        kind: "spans",
        options: normalizeOptions(input.options),
        textField: input.textField ?? DEFAULT_SPANS_TEXT_FIELD,
      };
    case "pairwise": {
      const [a, b] = input.textFields ?? DEFAULT_PAIRWISE_TEXT_FIELDS;
      const spec: TPairwiseSpec = {
        ...base,
        kind: "pairwise",
        textFields: [a, b],
        allowTie: input.allowTie ?? DEFAULT_ALLOW_TIE,
      };
      if (input.textField !== undefined) spec.textField = input.textField;
      // Present only when on, so the specs (and spec hashes) of definitions that never shuffle stay as they were.
      if (input.shuffleSides) spec.shuffleSides = true;
      return spec;
    }
    case "free_text":
      return {
        ...base,
        kind: "free_text",
        maxLength: input.maxLength ?? DEFAULT_FREE_TEXT_MAX_LENGTH,
      };
    case "ranking": {
      const spec: TRankingSpec = {
        ...base,
        kind: "ranking",
        responsesField: input.responsesField ?? DEFAULT_RESPONSES_FIELD,
        allowTies: input.allowTies ?? DEFAULT_ALLOW_TIES,
      };
      if (input.promptField !== undefined) spec.promptField = input.promptField;
      return spec;
    }
    case "rubric":
      return {
        ...base,
        kind: "rubric",
        criteria: input.criteria.map((c) => {
          const criterion: TRubricCriterion = { key: c.key, title: c.title ?? c.key, min: c.min, max: c.max };
          if (c.minLabel !== undefined) criterion.minLabel = c.minLabel;
          if (c.maxLabel !== undefined) criterion.maxLabel = c.maxLabel;
          return criterion;
        }),
      };
  }
}

/** Validates a request body (or a stored spec) and returns the normalized spec. */
export const ZLabelDefinitionSpec = ZLabelDefinitionInput.transform(normalizeDefinition);
