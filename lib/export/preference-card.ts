/**
 * The dataset card of the preference pairs' Hugging Face folder (`format=preference-hf`): the
 * columns TRL's preference datasets use, `prompt` / `chosen` / `rejected`, declared as features
 * from what the pairs hold: strings (TRL's "standard" form) or conversations, lists of
 * `{content, role}` (its "conversational" form), plus Concord's `definition`, `item_id`, `external_id`.
 */
import {
  LOADING_LINES,
  assembleCard,
  cardFrontMatter,
  filesTable,
  titleOf,
  type TCardInput,
} from "./hf-card";
import { observe, toFeature, type THfFeature, type THfNamedFeature, type THfType } from "./hf-features";
import { codeSpan, escapeMarkdown } from "./manifest-markdown";
import type { TPreferencePair } from "./preference";

const PAIR_FIELDS = ["prompt", "chosen", "rejected"] as const;

export type TPreferenceFeatureInference = {
  observePair(pair: TPreferencePair): void;
  /** prompt, chosen, rejected, definition, item_id, external_id; null when a field's types conflict. */
  features(): THfNamedFeature[] | null;
};

export function preferenceFeatureInference(): TPreferenceFeatureInference {
  const types = new Map<string, THfType | undefined>(PAIR_FIELDS.map((f) => [f, undefined]));
  return {
    observePair(pair) {
      for (const field of PAIR_FIELDS) types.set(field, observe(types.get(field), pair[field]));
    },
    features() {
      const named: [string, THfFeature | null][] = PAIR_FIELDS.map((field) => [
        field,
        toFeature(types.get(field) ?? { kind: "null" }),
      ]);
      named.push(["definition", { dtype: "string" }], ["item_id", { dtype: "string" }]);
      named.push(["external_id", { dtype: "string" }]);
      if (named.some(([, feature]) => feature === null)) return null;
      return named.map(([name, feature]) => ({ name, ...(feature as THfFeature) }));
    },
  };
}

const isString = (f: THfNamedFeature | undefined) => f !== undefined && "dtype" in f && f.dtype === "string";
const isConversation = (f: THfNamedFeature | undefined) =>
  f !== undefined &&
  "list" in f &&
  Array.isArray(f.list) &&
  f.list.map((s) => `${s.name}:${"dtype" in s ? s.dtype : ""}`).join() === "content:string,role:string";

/** Which of TRL's preference forms the features are, in a sentence for the card. */
export function trlForm(features: THfNamedFeature[] | null): string {
  const [prompt, chosen, rejected] = PAIR_FIELDS.map((n) => features?.find((f) => f.name === n));
  if (features === null)
    return "Some pairs hold values of different types, so this card declares no features.";
  if ([prompt, chosen, rejected].every(isString))
    return "`prompt`, `chosen` and `rejected` are strings: TRL's standard preference form.";
  if ([prompt, chosen, rejected].every(isConversation))
    return "`prompt`, `chosen` and `rejected` are conversations: TRL's conversational preference form.";
  if (isConversation(prompt) && isString(chosen) && isString(rejected))
    return (
      "`prompt` is a conversation (a list of `{role, content}`) and `chosen` / `rejected` are the " +
      'assistant\'s answers as strings: for TRL\'s conversational form, wrap each as `[{"role": "assistant", "content": ...}]`.'
    );
  return "`prompt`, `chosen` and `rejected` hold the data fields as they were imported.";
}

/** The general card's input, less the annotations switch (pairs carry none), with the check required. */
export type TPreferenceCardInput = Omit<TCardInput, "annotations" | "sha256Verified"> & {
  /** The data file's sha256 was checked against the one the freeze recorded for the pairs. */
  sha256Verified: boolean;
};

export function renderPreferenceCard(input: TPreferenceCardInput): string {
  const { name, version } = titleOf(input.manifest);
  const front = cardFrontMatter({ ...input, annotations: false });
  front.tags = ["trl", "preference"];
  const body = [
    `# ${name === null ? "Preference pairs" : escapeMarkdown(name)}`,
    "",
    "Preference pairs from a frozen evaluation set exported from Concord" +
      (version === null ? "" : `, version ${escapeMarkdown(version)}`) +
      ", for reward-model and DPO training: one row per ordered pair that a final label prefers " +
      "(a ranking of K responses without ties gives K(K-1)/2, a pairwise A or B one, a tie none), " +
      "by item id, then definition.",
    "",
    ...LOADING_LINES,
    "## Files",
    "",
    ...filesTable(input.files),
    "",
    `${codeSpan(input.dataPath)} is the same bytes as the version's \`format=preference\` export ` +
      "(canonical JSON, sorted keys): exporting the same version again gives the same bytes." +
      (input.sha256Verified ? " Its sha256 was checked against the hash the freeze recorded." : ""),
    "",
    "## Columns",
    "",
    "- `prompt`: the definition's prompt field of the item (null when the item has none).",
    "- `chosen`, `rejected`: the preferred and the other response.",
    "- `definition` (string): the label definition whose final label prefers `chosen`.",
    "- `item_id` (string), `external_id` (string or null): the item in Concord, and its imported id.",
    "",
    trlForm(input.features),
  ];
  return assembleCard(front, body, input.manifest);
}
