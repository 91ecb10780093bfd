/** Plain-language reading of an alpha value. */
export type AlphaReading = "reliable" | "tentative" | "unreliable" | "undefined";

/**
 * Krippendorff's (2004) guideline: alpha >= 0.800 is reliable, values from
 * 0.667 up to 0.800 allow only tentative conclusions, lower values are
 * unreliable. null / NaN (undefined alpha) reads as "undefined".
 */
export function interpretAlpha(value: number | null): AlphaReading {
  if (value === null || Number.isNaN(value)) return "undefined";
  if (value >= 0.8) return "reliable";
  if (value >= 0.667) return "tentative";
  return "unreliable";
}
