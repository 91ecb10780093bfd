import type { TFinalLabel } from "./final-label";

/**
 * Whether an item is in the review queue of these definitions: some final label the rule (or no
 * lead) has resolved is missing, and the item has annotations for them to judge. The queue's pages
 * and the stored review states (docs/decisions/029-review-states.md) both ask this one function.
 */
export function awaitsReview(labels: readonly TFinalLabel[]): boolean {
  return labels.some((l) => !l.isResolved) && labels.some((l) => l.annotationCount > 0);
}

export type TReviewState = {
  /** In the queue of all definitions, counting items still being labeled. */
  isUnresolved: boolean;
  /** In the default queue: also labeled to the end. */
  needsReview: boolean;
  /** The definitions whose own queue holds the item (still being labeled or not). */
  unresolvedIds: string[];
};

/** What is stored per item: enough to find, by index, a superset of any queue's items. */
export function reviewStateOf(
  definitions: readonly { id: string; key: string }[],
  labels: Readonly<Record<string, TFinalLabel>>,
  isComplete: boolean,
): TReviewState {
  const isUnresolved = awaitsReview(definitions.map((d) => labels[d.key]));
  return {
    isUnresolved,
    needsReview: isUnresolved && isComplete,
    unresolvedIds: definitions.filter((d) => awaitsReview([labels[d.key]])).map((d) => d.id),
  };
}
