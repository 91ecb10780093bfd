import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { MIN_SHARED_ITEMS } from "./pair-matrix";

/** The lowest-ranked annotators the page shows at once; the others load on request (a project may have hundreds). */
export const SHOWN_ANNOTATORS = 12;

/**
 * Annotators who share at least MIN_SHARED_ITEMS items with others, lowest agreement first (who to
 * talk to; no figure last, then the busier first); the rest, whose figures rest on a handful of
 * items, apart by activity. The page ranks the rows it renders and the rows it loads later alike.
 */
export function rankAnnotators(
  annotators: readonly TAnnotatorAgreement[],
  statistic: string,
): { ranked: TAnnotatorAgreement[]; few: TAnnotatorAgreement[] } {
  const key = (a: TAnnotatorAgreement) => (statistic.startsWith("kappa") ? a.kappa : a.agreement);
  const ranked = annotators
    .filter((a) => a.itemsShared >= MIN_SHARED_ITEMS)
    .sort((a, b) => (key(a) ?? Infinity) - (key(b) ?? Infinity) || b.labels - a.labels);
  const few = annotators.filter((a) => a.itemsShared < MIN_SHARED_ITEMS).sort((a, b) => b.labels - a.labels);
  return { ranked, few };
}
