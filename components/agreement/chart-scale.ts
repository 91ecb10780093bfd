/** The value range a chart shows: at least 0..1, widened to whole tenths to fit every interval end. */
export function valueDomain(values: readonly (number | null | undefined)[]): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    lo = Math.min(lo, Math.floor(v * 10) / 10);
    hi = Math.max(hi, Math.ceil(v * 10) / 10);
  }
  return [lo, hi];
}

/** Linear map of [d0, d1] onto [r0, r1]. */
export function scale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
}

/** At most `max` evenly spread indices out of n (always the first and the last), for axis labels. */
export function tickIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  return [...new Set(Array.from({ length: max }, (_, i) => Math.round(i * step)))];
}

/**
 * The range a trend chart shows: up to 1, down to 0.1 below its lowest value (but at least down to
 * 0.6, so that the 0.667 and 0.8 thresholds are always in view), in whole tenths.
 */
export function trendDomain(values: readonly (number | null | undefined)[]): [number, number] {
  const [lo, hi] = valueDomain(values);
  let lowest = Infinity;
  for (const v of values) if (v !== null && v !== undefined && !Number.isNaN(v)) lowest = Math.min(lowest, v);
  if (lowest === Infinity) return [lo, hi];
  return [Math.max(lo, Math.min(0.6, Math.floor(lowest * 10) / 10 - 0.1)), hi];
}
