import type { TSpan } from "@/lib/label-definitions/value-schema";

/** A run of text whose covering spans are the same throughout. */
export type TTextSegment = {
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset just past the last code unit. */
  end: number;
  text: string;
  /** Indexes (into the `spans` argument, ascending) of the spans covering this whole segment. */
  cover: number[];
};

/**
 * Cuts `text` at every span boundary so overlapping spans can be drawn with plain inline elements.
 * The segments tile the text exactly (no gaps, no overlaps, in order). Offsets are clamped to the text;
 * spans that are empty after clamping cover nothing.
 */
export function segmentText(text: string, spans: readonly TSpan[]): TTextSegment[] {
  const length = text.length;
  if (length === 0) return [];
  // Sweep over the boundaries: at each one, spans ending there leave and spans starting there join.
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const boundaries = new Set<number>([0, length]);
  spans.forEach((span, index) => {
    const start = clamp(span.start, length);
    const end = clamp(span.end, length);
    if (end <= start) return;
    push(starts, start, index);
    push(ends, end, index);
    boundaries.add(start);
    boundaries.add(end);
  });
  const points = [...boundaries].sort((x, y) => x - y);
  const active = new Set<number>();
  const segments: TTextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    for (const index of ends.get(start) ?? []) active.delete(index);
    for (const index of starts.get(start) ?? []) active.add(index);
    segments.push({ start, end, text: text.slice(start, end), cover: [...active].sort((x, y) => x - y) });
  }
  return segments;
}

/**
 * A lane (0, 1, 2…) per span such that spans that overlap never share a lane. A span keeps one lane
 * along its whole length, so its underline stays at the same height across segments.
 * Longer spans starting at the same offset get the lower lane.
 */
export function assignLanes(spans: readonly TSpan[]): number[] {
  const order = spans
    .map((_, index) => index)
    .sort((x, y) => spans[x].start - spans[y].start || spans[y].end - spans[x].end || x - y);
  const laneEnds: number[] = [];
  const lanes: number[] = new Array<number>(spans.length).fill(0);
  for (const index of order) {
    const span = spans[index];
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes[index] = lane;
  }
  return lanes;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Number.isFinite(offset) ? Math.trunc(offset) : 0, 0), length);
}

function push(map: Map<number, number[]>, key: number, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
