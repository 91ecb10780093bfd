import type { TDrillDownSource } from "@/lib/client/agreement/use-definition-agreement";
import { SHOWN_ANNOTATORS } from "./annotator-ranking";
import { PositionBiasRows, type TPositionBiasRow } from "./position-bias-rows";

/** Each annotator's share of answers for the side shown on the left, with the counts behind it. */
export function PositionBiasTable({ rows, source }: { rows: TPositionBiasRow[]; source: TDrillDownSource }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No answers yet.</p>;
  const isShuffled = rows.some((r) => r.flipped > 0);
  return (
    <>
      <p className="mb-3 text-sm text-slate-700">
        {isShuffled
          ? "Sides are shuffled: a share far from 50% is a preference for a position, not for a response."
          : "Sides are not shuffled, so the left side is always A: a preference for a position cannot be told apart from one for A. Turn on “Shuffle sides” in the definition to separate them."}{" "}
        Ties are left out.
      </p>
      <PositionBiasRows first={rows.slice(0, SHOWN_ANNOTATORS)} count={rows.length} source={source} />
    </>
  );
}
