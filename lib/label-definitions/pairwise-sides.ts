import type { TPairwiseValue } from "./label-limits";

/** Where a pairwise side is shown. */
export type TSidePosition = "left" | "right";

/**
 * Whether an assignment shows a definition's sides swapped: only definitions with shuffleSides
 * apply the order drawn for the assignment (assignments.sides_flipped).
 */
export function isShownFlipped(spec: { shuffleSides?: boolean }, sidesFlipped: boolean): boolean {
  return spec.shuffleSides === true && sidesFlipped;
}

/** The data's side ("A": textFields[0]) shown at a position. */
export function sideAt(position: TSidePosition, isFlipped: boolean): "A" | "B" {
  return (position === "left") !== isFlipped ? "A" : "B";
}

/** Where the answer's side was shown, or null for a tie (no side). */
export function positionOf(value: TPairwiseValue, isFlipped: boolean): TSidePosition | null {
  if (value === "tie") return null;
  return (value === "A") !== isFlipped ? "left" : "right";
}
