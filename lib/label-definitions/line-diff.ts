import { diffArrays } from "diff";

/** One line of a line diff: unchanged, added (only in b) or deleted (only in a). */
export type TLineDiffEntry = { type: "same" | "add" | "del"; text: string };

/**
 * Past this many changed lines the diff stops looking for common lines and reports the changed
 * middle as delete-all + add-all: Myers' algorithm costs (lines × edits), so two long and wholly
 * different texts would otherwise take seconds.
 */
export const MAX_EDIT_LENGTH = 1_000;

/** Splits text into lines; "\r\n" counts as "\n"; a final newline does not add an empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Line diff of two texts: a shortest edit script (Myers, by the `diff` package), so the `same`
 * lines are a longest common subsequence. Deletions come before additions within a changed
 * region. Concatenating the `same`+`del` lines gives `a`; `same`+`add` gives `b`.
 */
export function lineDiff(a: string, b: string): TLineDiffEntry[] {
  return diffLines(splitLines(a), splitLines(b));
}

export function diffLines(a: readonly string[], b: readonly string[]): TLineDiffEntry[] {
  const changes = diffArrays([...a], [...b], { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return [...a.map((text) => entry("del", text)), ...b.map((text) => entry("add", text))];
  }
  return changes.flatMap((change) => {
    const type = change.added ? "add" : change.removed ? "del" : "same";
    return change.value.map((text) => entry(type, text));
  });
}

function entry(type: TLineDiffEntry["type"], text: string): TLineDiffEntry {
  return { type, text };
}
