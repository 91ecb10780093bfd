/** How far a keyboard move goes: a character, a word, to the line's edge, or to the text's edge. */
export type TMoveUnit = "char" | "word" | "line" | "text";

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The offset one code point after (direction 1) or before (-1) `offset`; never splits a surrogate pair. */
function stepChar(text: string, offset: number, direction: 1 | -1): number {
  if (direction === 1) {
    if (offset >= text.length) return text.length;
    const pair = isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1));
    return offset + (pair ? 2 : 1);
  }
  if (offset <= 0) return 0;
  const pair = isLowSurrogate(text.charCodeAt(offset - 1)) && isHighSurrogate(text.charCodeAt(offset - 2));
  return offset - (pair ? 2 : 1);
}

function isWordAt(text: string, offset: number): boolean {
  const codePoint = text.codePointAt(offset);
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** The code point just before `offset` is a word character. */
function isWordBefore(text: string, offset: number): boolean {
  return offset > 0 && isWordAt(text, stepChar(text, offset, -1));
}

/**
 * Where a caret at `offset` lands after one keyboard move, in UTF-16 code units.
 * - char: one code point (a surrogate pair is one step).
 * - word: forward to the end of the next word, backward to the start of the previous word.
 * - line: to the start or end of the current line (lines end at "\n").
 * - text: to 0 or text.length.
 */
export function moveOffset(text: string, offset: number, direction: 1 | -1, unit: TMoveUnit): number {
  const from = Math.min(Math.max(offset, 0), text.length);
  switch (unit) {
    case "char":
      return stepChar(text, from, direction);
    case "word": {
      let at = from;
      if (direction === 1) {
        while (at < text.length && !isWordAt(text, at)) at = stepChar(text, at, 1);
        while (at < text.length && isWordAt(text, at)) at = stepChar(text, at, 1);
      } else {
        while (at > 0 && !isWordBefore(text, at)) at = stepChar(text, at, -1);
        while (at > 0 && isWordBefore(text, at)) at = stepChar(text, at, -1);
      }
      return at;
    }
    case "line": {
      if (direction === 1) {
        const newline = text.indexOf("\n", from);
        return newline === -1 ? text.length : newline;
      }
      return from === 0 ? 0 : text.lastIndexOf("\n", from - 1) + 1;
    }
    case "text":
      return direction === 1 ? text.length : 0;
  }
}

/**
 * The range between two offsets in ascending order, with whitespace trimmed from both ends
 * (double-clicking a word often selects the space after it). Null when nothing but whitespace is left.
 */
export function trimRange(text: string, a: number, b: number): { start: number; end: number } | null {
  let start = Math.min(Math.max(Math.min(a, b), 0), text.length);
  let end = Math.min(Math.max(Math.max(a, b), 0), text.length);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
