/** Scales with more values than this get no digit keys (there are only ten digits). */
export const MAX_DIGIT_KEYED_VALUES = 10;

/**
 * The digit key of each value of a min..max scale, in order, or all null when the scale is too long.
 * A scale within 0..9 uses the values themselves (so "4" means 4); other short scales number the
 * values by position: 1..9, then 0 for the tenth (so a 1..10 scale is keyed 1..9, 0).
 */
export function ratingHotkeys(min: number, max: number): (string | null)[] {
  const count = max - min + 1;
  if (!Number.isInteger(min) || !Number.isInteger(max) || count < 1) return [];
  if (count > MAX_DIGIT_KEYED_VALUES) return new Array<string | null>(count).fill(null);
  if (min >= 0 && max <= 9) return Array.from({ length: count }, (_, i) => String(min + i));
  return Array.from({ length: count }, (_, i) => String((i + 1) % 10));
}
