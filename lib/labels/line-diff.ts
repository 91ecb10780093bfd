/** One line of a line diff: unchanged, added (only in b) or deleted (only in a). */
export type TLineDiffEntry = { type: "same" | "add" | "del"; text: string };

/** Above this many LCS table cells the changed middle is reported as delete-all + add-all. */
export const MAX_LCS_CELLS = 4_000_000;

/** Splits text into lines; "\r\n" counts as "\n"; a final newline does not add an empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Line diff of two texts via longest common subsequence (common prefix and suffix are
 * trimmed first). Deletions come before additions within a changed region.
 * Concatenating the `same`+`del` lines gives `a`; `same`+`add` gives `b`.
 */
export function lineDiff(a: string, b: string): TLineDiffEntry[] {
  return diffLines(splitLines(a), splitLines(b));
}

export function diffLines(a: readonly string[], b: readonly string[]): TLineDiffEntry[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const same = (text: string): TLineDiffEntry => ({ type: "same", text });
  const head = a.slice(0, prefix).map(same);
  const tail = a.slice(a.length - suffix).map(same);
  const middle = diffMiddle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [...head, ...middle, ...tail];
}

function diffMiddle(a: readonly string[], b: readonly string[]): TLineDiffEntry[] {
  const n = a.length;
  const m = b.length;
  const del = (text: string): TLineDiffEntry => ({ type: "del", text });
  const add = (text: string): TLineDiffEntry => ({ type: "add", text });
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...a.map(del), ...b.map(add)];
  }
  // lcs[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: TLineDiffEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ai = a[i] ?? "";
    const bj = b[j] ?? "";
    if (ai === bj) {
      out.push({ type: "same", text: ai });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      out.push(del(ai));
      i++;
    } else {
      out.push(add(bj));
      j++;
    }
  }
  while (i < n) out.push(del(a[i++] ?? ""));
  while (j < m) out.push(add(b[j++] ?? ""));
  return out;
}
