"use client";

import { useState } from "react";
import {
  useDefinitionAgreement,
  type TDrillDownSource,
} from "@/lib/client/agreement/use-definition-agreement";
import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { countNoun } from "@/lib/text/count-noun";
import { AnnotatorRows } from "./annotator-rows";
import { rankAnnotators } from "./annotator-ranking";
import { MIN_SHARED_ITEMS } from "./pair-matrix";
import { LoadState, ShowAllButton } from "./show-all";

/**
 * The lowest-ranked annotators as the server rendered them, and the others on request: a project
 * may have hundreds, and their rows made the page's HTML several times its drill-down's JSON. The
 * others come from the drill-down endpoint (the same figures, cached server-side under the same
 * stamp), ranked as the server ranked the first rows; once they are in, the whole list shows from
 * that one answer, so the first rows and the rest never come from two different moments.
 */
export function AnnotatorGroups({
  first,
  rankedCount,
  fewCount,
  statistic,
  source,
}: {
  first: TAnnotatorAgreement[];
  rankedCount: number;
  fewCount: number;
  statistic: string;
  source: TDrillDownSource;
}) {
  const [isAllRanked, setAllRanked] = useState(false);
  const [isFewShown, setFewShown] = useState(false);
  const detail = useDefinitionAgreement(source, isAllRanked || isFewShown);
  const groups = detail.data ? rankAnnotators(detail.data.annotators, statistic) : null;
  return (
    <>
      {first.length > 0 ? (
        <AnnotatorRows rows={isAllRanked && groups ? groups.ranked : first} statistic={statistic} />
      ) : null}
      {rankedCount > first.length ? (
        <ShowAllButton isOpen={isAllRanked} onToggle={() => setAllRanked(!isAllRanked)}>
          {isAllRanked ? `Show the lowest ${first.length} only` : `Show all ${rankedCount} ranked annotators`}
        </ShowAllButton>
      ) : null}
      {fewCount > 0 ? (
        <div>
          <ShowAllButton isOpen={isFewShown} onToggle={() => setFewShown(!isFewShown)}>
            {isFewShown ? "Hide the " : "Show the "}
            {countNoun(fewCount, "annotator")} sharing fewer than {MIN_SHARED_ITEMS} items (too few to judge)
          </ShowAllButton>
          {isFewShown && groups ? (
            <div className="mt-2">
              <AnnotatorRows rows={groups.few} statistic={statistic} />
            </div>
          ) : null}
        </div>
      ) : null}
      <LoadState isWaiting={(isAllRanked || isFewShown) && !groups} error={detail.error} />
    </>
  );
}
