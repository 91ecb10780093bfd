import { describe, expect, it } from "vitest";
import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { rankAnnotators } from "./annotator-ranking";

const annotator = (
  id: string,
  labels: number,
  itemsShared: number,
  agreement: number | null,
  kappa: number | null,
): TAnnotatorAgreement => ({ id, name: `Annotator ${id}`, labels, itemsShared, agreement, kappa });

// The page renders the first rows and the browser ranks the rest from the API: both must agree.
describe("rankAnnotators", () => {
  const annotators = [
    annotator("a", 40, 30, 0.9, 0.8),
    annotator("b", 50, 30, 0.5, null),
    annotator("c", 20, 12, 0.7, 0.3),
    annotator("d", 90, 9, 0.1, 0.0),
    annotator("e", 30, 10, 0.7, 0.3),
    annotator("f", 5, 2, null, null),
  ];

  it("ranks those sharing 10 items or more lowest kappa first, no kappa last, ties by labels", () => {
    const { ranked, few } = rankAnnotators(annotators, "kappa");
    expect(ranked.map((a) => a.id)).toEqual(["e", "c", "a", "b"]);
    expect(few.map((a) => a.id)).toEqual(["d", "f"]);
  });

  it("ranks by agreement when the statistic has no kappa", () => {
    expect(rankAnnotators(annotators, "f1").ranked.map((a) => a.id)).toEqual(["b", "e", "c", "a"]);
  });

  it("leaves the input in its order", () => {
    rankAnnotators(annotators, "kappa");
    expect(annotators.map((a) => a.id)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});
