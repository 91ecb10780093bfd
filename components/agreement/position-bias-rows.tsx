"use client";

import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import {
  useDefinitionAgreement,
  type TDrillDownSource,
} from "@/lib/client/agreement/use-definition-agreement";
import type { TDefinitionAgreement } from "@/lib/schemas/agreement-detail";
import { formatCount, formatPercent, formatPValue } from "./format";
import { LoadState, ShowAllButton } from "./show-all";

export type TPositionBiasRow = NonNullable<TDefinitionAgreement["positionBias"]>[number];

/**
 * Each annotator's share of answers for the side shown on the left: the first rows as the server
 * rendered them, all of them from the drill-down endpoint on request (annotator-groups.tsx says why).
 */
export function PositionBiasRows({
  first,
  count,
  source,
}: {
  first: TPositionBiasRow[];
  count: number;
  source: TDrillDownSource;
}) {
  const [isAll, setAll] = useState(false);
  const detail = useDefinitionAgreement(source, isAll);
  const all = isAll ? detail.data?.positionBias : undefined;
  return (
    <div className="space-y-3">
      <DataTable
        caption="Position bias by annotator"
        rows={all ?? first}
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
      {count > first.length ? (
        <ShowAllButton isOpen={isAll} onToggle={() => setAll(!isAll)}>
          {isAll ? `Show the first ${first.length} only` : `Show all ${count} annotators`}
        </ShowAllButton>
      ) : null}
      <LoadState isWaiting={isAll && !all} error={detail.error} />
    </div>
  );
}
