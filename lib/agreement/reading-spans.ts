import { interpretAlpha } from "./interpret";
import type { TEstimate } from "./pattern-alpha";

const fmt = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;

const VERDICT = {
  reliable: "reliable",
  tentative: "good enough for tentative conclusions only",
  unreliable: "annotators agree little beyond chance",
} as const;

/**
 * The span sentence names the question each figure answers, because "no span" is an answer: span F1
 * only judges pairs in which someone marked something, so on its own it reads "they disagree" when
 * most pairs agreed that there was nothing to mark.
 */
export function spanReadingText(figures: {
  whether: TEstimate;
  where: TEstimate;
  whereExact: TEstimate;
  byCharacter: TEstimate;
  bothEmpty: TEstimate;
}): string {
  const { whether, where, whereExact, byCharacter, bothEmpty } = figures;
  if (byCharacter.items === 0) return "Not enough data yet: no item has labels from two annotators.";
  const parts: string[] = [];
  if (whether.value === null)
    parts.push(
      "Whether there is anything to mark: every annotator made the same call on every item, so α is undefined.",
    );
  else {
    const reading = interpretAlpha(whether.value);
    parts.push(
      `Whether there is anything to mark: α ${fmt(whether.value)} (${reading === "undefined" ? "undefined" : VERDICT[reading]}).`,
    );
  }
  parts.push(
    where.value === null
      ? "Where: no pair of annotators marked anything, so there are no spans to compare."
      : `Where: span F1 ${fmt(where.value)} with overlapping spans matching${
          whereExact.value === null ? "" : ` (${fmt(whereExact.value)} exact)`
        }, over the pairs in which someone marked something.`,
  );
  if (byCharacter.value !== null)
    parts.push(
      `Where, character by character: F1 ${fmt(byCharacter.value)} averaged over items${
        bothEmpty.value
          ? `, counting the ${pct(bothEmpty.value)} of pairs that both marked nothing as agreeing`
          : ""
      }.`,
    );
  parts.push("F1 is not corrected for chance, so Krippendorff's thresholds apply to α only.");
  return parts.join(" ");
}
