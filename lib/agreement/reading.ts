import type { TMetric } from "./definition-estimates";
import { interpretAlpha, type AlphaReading } from "./interpret";

export type TReading = AlphaReading | "not_applicable";

const fmt = (x: number) => x.toFixed(2);

/**
 * What a lead should take from a figure, in one sentence. Alphas are read with Krippendorff's
 * thresholds (reliable >= 0.800, tentative from 0.667, unreliable below); when the interval straddles a
 * threshold the sentence says so. F1 and exact-match rates are raw agreement, not chance-corrected:
 * the thresholds do not apply to them.
 */
export function readingFor(
  metric: TMetric,
  value: number | null,
  ci: [number, number] | null,
  items: number,
): { reading: TReading; text: string } {
  if (value === null) {
    return {
      reading: metric.startsWith("alpha_") ? "undefined" : "not_applicable",
      text:
        items === 0
          ? "Not enough data yet: no item has labels from two annotators."
          : "Undefined: every annotator gave the same label to every compared item, so there is no variation to judge.",
    };
  }
  if (!metric.startsWith("alpha_")) {
    const what = metric === "exact_match_rate" ? "gave exactly the same text" : "marked the same spans";
    return {
      reading: "not_applicable",
      text: `On average ${Math.round(value * 100)}% of annotator pairs ${what} (not corrected for chance, so Krippendorff's thresholds do not apply).`,
    };
  }
  const reading = interpretAlpha(value);
  const verdict =
    reading === "reliable"
      ? "Reliable: labels can be used as they are."
      : reading === "tentative"
        ? "Tentative: good enough for tentative conclusions only."
        : "Unreliable: annotators agree little beyond chance; review the guidelines.";
  if (!ci) return { reading, text: verdict };
  const straddles = interpretAlpha(ci[0]) !== interpretAlpha(ci[1]);
  const caveat = straddles
    ? ` The 95% interval (${fmt(ci[0])} to ${fmt(ci[1])}) crosses a threshold: more items would settle it.`
    : ` The 95% interval is ${fmt(ci[0])} to ${fmt(ci[1])}.`;
  return { reading, text: verdict + caveat };
}
