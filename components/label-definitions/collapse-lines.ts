import type { TLineDiffEntry } from "@/lib/label-definitions/line-diff";

export type TDiffChunk =
  { type: "shown"; entries: TLineDiffEntry[] } | { type: "collapsed"; entries: TLineDiffEntry[] };

/**
 * Groups a line diff for display: unchanged lines more than `context` lines away from any change are
 * collapsed, unless a run would hide fewer than `minHidden` lines (then showing them is clearer
 * than a "show 1 line" button).
 */
export function collapseUnchanged(
  entries: readonly TLineDiffEntry[],
  context = 2,
  minHidden = 3,
): TDiffChunk[] {
  const chunks: TDiffChunk[] = [];
  const show = (list: TLineDiffEntry[]) => {
    if (list.length === 0) return;
    const last = chunks[chunks.length - 1];
    if (last?.type === "shown") last.entries.push(...list);
    else chunks.push({ type: "shown", entries: [...list] });
  };
  let i = 0;
  while (i < entries.length) {
    if (entries[i].type !== "same") {
      show([entries[i++]]);
      continue;
    }
    let end = i;
    while (end < entries.length && entries[end].type === "same") end++;
    const run = entries.slice(i, end);
    const keepBefore = i === 0 ? 0 : context; // lines after the previous change
    const keepAfter = end === entries.length ? 0 : context; // lines before the next change
    const hidden = run.length - keepBefore - keepAfter;
    if (hidden < minHidden) {
      show(run);
    } else {
      show(run.slice(0, keepBefore));
      chunks.push({ type: "collapsed", entries: run.slice(keepBefore, run.length - keepAfter) });
      show(run.slice(run.length - keepAfter));
    }
    i = end;
  }
  return chunks;
}
