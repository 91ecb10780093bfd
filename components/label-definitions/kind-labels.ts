import type { TLabelKind } from "@/lib/label-definitions/label-limits";

/** How each kind is named in the UI. */
export const KIND_LABELS: Record<TLabelKind, string> = {
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  rating: "Rating scale",
  spans: "Text spans",
  pairwise: "Pairwise comparison",
  free_text: "Free text",
  ranking: "Ranking of responses",
  rubric: "Rubric (several criteria)",
};
