import { DEFAULT_PAIRWISE_TEXT_FIELDS } from "@/lib/label-definitions/label-limits";
import type { TFieldProblem, TReadEntry } from "../import-types";
import { describeJsonType, problemsEntry } from "../json-record";
import { isPlainObject } from "../record-fields";
import type { TDefinitionsByKey } from "./option-lookup";

/** A turn of a conversation field, as the workspace shows it as a chat. */
export type THhTurn = { role: "user" | "assistant"; content: string };

/** Where a pair goes in the item's data: the prompt field and the two sides (the pairwise definition's). */
export type THhFields = { prompt: string; sides: readonly [string, string] };

/** The data field naming which side (in the data's terms, "A" or "B") the source preferred. */
export const HH_CHOSEN_FIELD = "hh_chosen";

/** The fields when the project has no pairwise definition yet (the definition defaults). */
export const HH_DEFAULT_FIELDS: THhFields = { prompt: "prompt", sides: DEFAULT_PAIRWISE_TEXT_FIELDS };

// A transcript is "\n\nHuman: …\n\nAssistant: …"; the markers are the only structure it has.
const MARKER = /\n\n(Human|Assistant):[ ]?/;

/**
 * The fields a pair fills: the named pairwise definition's, else the project's only pairwise
 * definition's, else `prompt`, `a`, `b`. A string is a reason the choice cannot be made.
 */
export function hhFields(
  definitions: TDefinitionsByKey,
  definitionKey: string | undefined,
): THhFields | string {
  const pairwise = [...definitions.values()].filter((spec) => spec.kind === "pairwise");
  const named = definitionKey === undefined ? undefined : definitions.get(definitionKey);
  if (definitionKey !== undefined && named?.kind !== "pairwise")
    return `no pairwise label definition ${JSON.stringify(definitionKey)}`;
  const spec = named ?? (pairwise.length === 1 ? pairwise[0] : undefined);
  if (spec === undefined && pairwise.length > 1)
    return `the project has ${pairwise.length} pairwise definitions: name the one the pairs are for`;
  if (spec?.kind !== "pairwise") return HH_DEFAULT_FIELDS;
  return { prompt: spec.textField ?? "prompt", sides: spec.textFields };
}

/** The turns of a transcript, or null when it does not start with a Human turn. */
export function parseTranscript(text: string): THhTurn[] | null {
  const parts = text.split(MARKER);
  if (parts.length < 3 || parts[0] !== "" || parts[1] !== "Human") return null;
  const turns: THhTurn[] = [];
  for (let at = 1; at < parts.length; at += 2) {
    turns.push({ role: parts[at] === "Human" ? "user" : "assistant", content: parts[at + 1] });
  }
  return turns;
}

/**
 * One HH-RLHF record as a pairwise item: the turns both transcripts share are the prompt (a
 * conversation), what follows them on each side is that side's text. The chosen continuation goes
 * to side A or B by a hash of the two continuations, so neither position always holds the
 * preferred answer (which would teach annotators a habit even without shuffleSides), and the same
 * pair always lands the same way (a re-import finds it already present).
 */
export function splitHhPair(
  record: unknown,
  fields: THhFields,
): { data: Record<string, unknown> } | { problems: TFieldProblem[] } {
  if (!isPlainObject(record))
    return {
      problems: [{ path: "(record)", message: `must be an object, got ${describeJsonType(record)}` }],
    };
  const problems: TFieldProblem[] = [];
  const turns = (["chosen", "rejected"] as const).map((field) => {
    const text = record[field];
    if (typeof text !== "string") {
      problems.push({
        path: field,
        message: `must be a transcript (a string), got ${describeJsonType(text)}`,
      });
      return null;
    }
    const parsed = parseTranscript(text);
    if (parsed === null)
      problems.push({
        path: field,
        message: 'must start with "\\n\\nHuman: " and alternate Human and Assistant turns',
      });
    return parsed;
  });
  const [chosen, rejected] = turns;
  if (chosen === null || rejected === null) return { problems };
  let shared = 0;
  while (
    shared < chosen.length &&
    shared < rejected.length &&
    chosen[shared].role === rejected[shared].role &&
    chosen[shared].content === rejected[shared].content
  )
    shared += 1;
  const chosenText = continuation(chosen.slice(shared));
  const rejectedText = continuation(rejected.slice(shared));
  if (shared === 0)
    problems.push({ path: "rejected", message: "shares no turn with chosen: no prompt to split off" });
  // An empty answer is real in HH-RLHF (4 of the 2,312 harmless-base test pairs prefer saying
  // nothing), but a pairwise side must be text an annotator can read: such a pair is refused,
  // by name, and onInvalid=skip leaves it out.
  for (const [field, text, other] of [
    ["chosen", chosenText, "rejected"],
    ["rejected", rejectedText, "chosen"],
  ] as const) {
    if (text.trim() !== "") continue;
    const isEmptyTurn = (field === "chosen" ? chosen : rejected).length > shared;
    problems.push({
      path: field,
      message: isEmptyTurn
        ? `its answer after the turns it shares with ${other} is empty: a pairwise side needs text`
        : `adds nothing after the turns it shares with ${other}`,
    });
  }
  if (problems.length > 0) return { problems };
  const isChosenA = fnv1a(`${chosenText}\u0000${rejectedText}`) % 2 === 0;
  const [a, b] = fields.sides;
  return {
    data: {
      [fields.prompt]: chosen.slice(0, shared),
      [a]: isChosenA ? chosenText : rejectedText,
      [b]: isChosenA ? rejectedText : chosenText,
      [HH_CHOSEN_FIELD]: isChosenA ? "A" : "B",
    },
  };
}

/** A side's text: one assistant turn as it is; anything longer keeps its markers, as in the source. */
function continuation(turns: readonly THhTurn[]): string {
  if (turns.length === 1 && turns[0].role === "assistant") return turns[0].content;
  return turns.map((t) => `${t.role === "user" ? "Human" : "Assistant"}: ${t.content}`).join("\n\n");
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The records of an HH-RLHF JSONL file as Concord records (no externalId: a pair is known by its content). */
export async function* convertHhRlhf(
  batches: AsyncIterable<TReadEntry[]>,
  fields: THhFields,
): AsyncGenerator<TReadEntry[], void, undefined> {
  for await (const entries of batches) {
    yield entries.map((entry): TReadEntry => {
      if ("error" in entry) return entry;
      const split = splitHhPair(entry.raw, fields);
      if ("problems" in split) return problemsEntry(entry.line, split.problems);
      return { line: entry.line, raw: { data: split.data } };
    });
  }
}
