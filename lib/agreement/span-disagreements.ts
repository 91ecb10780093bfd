import type { AnnotatorSpans } from "./span-agreement";
import { spanPresenceStats } from "./span-presence";

export type TSpanDisagreement = "one_marked" | "different_places";

/**
 * The items whose annotators disagree most on spans, in two groups a lead acts on differently:
 * "one marked, one did not" (whether there is anything to mark: often a guideline question) and
 * "both marked, in different places" (where: boundaries and choice of words). Within each group,
 * lowest mean character F1 first, then most annotators; items everyone agreed on are left out.
 */
export function rankSpanDisagreements(
  items: readonly (readonly AnnotatorSpans[])[],
  itemIds: readonly string[],
  perGroup = 10,
): { index: number; itemId: string; charF1: number; disagreement: TSpanDisagreement }[] {
  const stats = spanPresenceStats(items);
  const ranked = items
    .flatMap((item, index) => {
      if (item.length < 2 || stats.charF1[index] === 1) return [];
      const disagreement: TSpanDisagreement = stats.nothing[index] > 0 ? "one_marked" : "different_places";
      return [{ index, itemId: itemIds[index], charF1: stats.charF1[index], disagreement, n: item.length }];
    })
    .sort((x, y) => x.charF1 - y.charF1 || y.n - x.n || (x.itemId < y.itemId ? -1 : 1));
  return (["one_marked", "different_places"] as const).flatMap((group) =>
    ranked
      .filter((r) => r.disagreement === group)
      .slice(0, perGroup)
      .map(({ n: _, ...r }) => r),
  );
}
