import type { AlphaMetric, Rating, RatingValue } from "./types";

/**
 * Total order on rating values: numbers before strings, numbers numerically,
 * strings lexicographically by UTF-16 code units (not locale-aware, so the
 * order is deterministic everywhere).
 */
export function compareValues(a: RatingValue, b: RatingValue): number {
  if (typeof a === "number") {
    if (typeof b === "number") return a - b;
    return -1;
  }
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Throws on a number that is NaN or infinite; all statistics reject them. */
export function assertFiniteValue(value: RatingValue): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`Ratings must be finite numbers or strings; got ${String(value)}`);
  }
}

/** True when the list mixes numbers and strings. */
export function hasMixedTypes(values: readonly RatingValue[]): boolean {
  let sawNumber = false;
  let sawString = false;
  for (const v of values) {
    if (typeof v === "number") sawNumber = true;
    else sawString = true;
  }
  return sawNumber && sawString;
}

/**
 * Checks that `values` can be used with `metric`:
 * - ordinal: no mix of numbers and strings (their relative order is arbitrary);
 * - interval / ratio: numbers only; ratio additionally needs non-negative values.
 */
export function validateValuesForMetric(values: readonly RatingValue[], metric: AlphaMetric): void {
  for (const v of values) assertFiniteValue(v);
  if (metric === "ordinal" && hasMixedTypes(values)) {
    throw new Error("Ordinal alpha cannot order a mix of numeric and string ratings");
  }
  if (metric === "interval" || metric === "ratio") {
    for (const v of values) {
      if (typeof v !== "number") {
        throw new Error(`${metric} alpha requires numeric ratings; got "${v}"`);
      }
      if (metric === "ratio" && v < 0) {
        throw new Error(`ratio alpha requires non-negative ratings; got ${v}`);
      }
    }
  }
}

/** The present ratings of one row (nulls and holes removed), validated. */
export function presentRatings(row: readonly Rating[]): RatingValue[] {
  const out: RatingValue[] = [];
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    assertFiniteValue(v);
    out.push(v);
  }
  return out;
}

/** Counts of each distinct value in `values` (Map keys use SameValueZero, so 1 and "1" differ). */
export function countValues(values: readonly RatingValue[]): Map<RatingValue, number> {
  const counts = new Map<RatingValue, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
