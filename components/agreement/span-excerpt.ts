type TMarked = { start: number; end: number; title: string };

/** A run of text, marked or not; a marked run carries the titles of the labels that cover it. */
export type TSegment = { text: string; titles: string[] };

/** Texts up to this long are shown whole; longer ones around the marked words. */
const WHOLE_TEXT = 320;
const CONTEXT = 80;

/**
 * The part of an item's text worth showing for a disagreement: all of it when short, else from a
 * little before the first mark of any annotator to a little after the last, cut at spaces, so every
 * annotator's line shows the same stretch of text.
 */
export function excerptWindow(text: string, spans: readonly TMarked[]): { from: number; to: number } {
  if (text.length <= WHOLE_TEXT || spans.length === 0)
    return { from: 0, to: Math.min(text.length, spans.length === 0 ? WHOLE_TEXT : text.length) };
  let from = Math.max(0, Math.min(...spans.map((s) => s.start)) - CONTEXT);
  let to = Math.min(text.length, Math.max(...spans.map((s) => s.end)) + CONTEXT);
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  if (to < text.length) to = Math.max(text.lastIndexOf(" ", to), Math.max(...spans.map((s) => s.end)));
  return { from, to };
}

/** One annotator's marks over text[from, to): the text cut where any mark starts or ends. */
export function segmentsOf(text: string, spans: readonly TMarked[], from: number, to: number): TSegment[] {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: TSegment[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const [a, b] = [sorted[k], sorted[k + 1]];
    const titles = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.title))];
    const last = out[out.length - 1];
    if (last && last.titles.join("\u0000") === titles.join("\u0000")) last.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), titles });
  }
  return out;
}
