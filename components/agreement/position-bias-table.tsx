import { DataTable } from "@/components/ui/data-table";
import type { TDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import { formatCount, formatPercent, formatPValue } from "./format";

type TRow = NonNullable<TDefinitionAgreement["positionBias"]>[number];

/** Each annotator's share of answers for the side shown on the left, with the counts behind it. */
export function PositionBiasTable({ rows }: { rows: TRow[] }) {
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
      <DataTable
        caption="Position bias by annotator"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "Annotator", cell: (r) => r.name },
          { header: "Left chosen", cell: (r) => formatPercent(r.leftShare), className: "tabular-nums" },
          {
            header: "Left / answered",
            cell: (r) => `${formatCount(r.left)} / ${formatCount(r.answered)}`,
            className: "tabular-nums",
          },
          { header: "Shown with B left", cell: (r) => formatCount(r.flipped), className: "tabular-nums" },
          {
            header: "p (50% left)",
            cell: (r) => (r.pValue === null ? "—" : formatPValue(r.pValue)),
            className: "tabular-nums",
          },
        ]}
      />
    </>
  );
}
