/**
 * Limits, patterns and defaults shared by the label-definition and value schemas.
 * Pure constants: safe to import from server and browser code.
 */

/** The label kinds of the public API v1 (ranking and rubric: human feedback on model outputs). */
export const LABEL_KINDS = [
  "single_choice",
  "multi_choice",
  "rating",
  "spans",
  "pairwise",
  "free_text",
  "ranking",
  "rubric",
] as const;

export type TLabelKind = (typeof LABEL_KINDS)[number];

/** A definition key: lowercase letter, then up to 63 lowercase letters, digits or underscores. */
export const DEFINITION_KEY_RE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * An option key (the stored label value). Deliberately looser than a definition key so that
 * common label sets fit as-is: "positive", "PER", "B-LOC", "5", "not_sure".
 * Uniqueness inside a definition is case-insensitive ("PER" and "per" may not coexist).
 */
export const OPTION_KEY_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** A hotkey is exactly one character of [0-9a-z] (lowercase). No Enter, space or symbols. */
export const HOTKEY_RE = /^[0-9a-z]$/;

/** Order used to auto-assign hotkeys to options without one: 1..9, then a..z, then 0. */
export const HOTKEY_SEQUENCE: readonly string[] = [..."123456789", ..."abcdefghijklmnopqrstuvwxyz", "0"];

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_GUIDELINES_LENGTH = 50_000;
export const MIN_OPTIONS = 1;
export const MAX_OPTIONS = 50;
/** A rating scale may span at most this many steps (max - min). */
export const MAX_RATING_SPAN = 20;
/** Name of a top-level field of an item's `data` object. */
export const MAX_FIELD_NAME_LENGTH = 200;

export const DEFAULT_SPANS_TEXT_FIELD = "text";
export const DEFAULT_PAIRWISE_TEXT_FIELDS: readonly [string, string] = ["a", "b"];
export const DEFAULT_ALLOW_TIE = true;
export const DEFAULT_FREE_TEXT_MAX_LENGTH = 2000;
export const MIN_FREE_TEXT_MAX_LENGTH = 1;
export const MAX_FREE_TEXT_MAX_LENGTH = 100_000;
export const DEFAULT_REQUIRED = true;

/** At most this many spans in one value. */
export const MAX_SPANS_PER_VALUE = 10_000;

/** The three values of a pairwise comparison. */
export const PAIRWISE_VALUES = ["A", "B", "tie"] as const;
export type TPairwiseValue = (typeof PAIRWISE_VALUES)[number];

/** A ranking orders 2..MAX_RANKING_RESPONSES responses (the contract asks for at least 9). */
export const MIN_RANKING_RESPONSES = 2;
export const MAX_RANKING_RESPONSES = 12;
export const DEFAULT_RESPONSES_FIELD = "responses";
/** The data field a preference export reads the prompt from when a definition names none. */
export const DEFAULT_PROMPT_FIELD = "prompt";
export const DEFAULT_ALLOW_TIES = false;
export const MIN_RUBRIC_CRITERIA = 1;
export const MAX_RUBRIC_CRITERIA = 20;

/** Which turns of a conversation a definition judges (when the project shows a conversation). */
export const CONVERSATION_TARGETS = ["last_assistant_turn", "all_assistant_turns"] as const;
export type TConversationTarget = (typeof CONVERSATION_TARGETS)[number];
