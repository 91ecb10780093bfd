import type { TAnnotatorAgreement } from "@/lib/schemas/agreement-detail";
import { countNoun } from "@/lib/text/count-noun";
import type { TDrillDownSource } from "@/lib/client/agreement/use-definition-agreement";
import { AnnotatorGroups } from "./annotator-groups";
import { rankAnnotators, SHOWN_ANNOTATORS } from "./annotator-ranking";
import { MIN_SHARED_ITEMS } from "./pair-matrix";

/**
 * Each annotator against everyone else: the lowest-ranked first (who to talk to), the others and
 * those whose figures rest on a handful of items on request (annotator-groups.tsx).
 */
export function AnnotatorTable({
  annotators,
  statistic,
  source,
}: {
  annotators: TAnnotatorAgreement[];
  statistic: string;
  source: TDrillDownSource;
}) {
  const { ranked, few } = rankAnnotators(annotators, statistic);
  return (
    <div className="space-y-3 overflow-x-auto">
      <p className="text-xs text-slate-600">
        Each annotator&apos;s labels against the other annotators of the same items, lowest first, for the{" "}
        {countNoun(ranked.length, "annotator")} sharing at least {MIN_SHARED_ITEMS} items with others.
      </p>
      <AnnotatorGroups
        first={ranked.slice(0, SHOWN_ANNOTATORS)}
        rankedCount={ranked.length}
        fewCount={few.length}
        statistic={statistic}
        source={source}
      />
    </div>
  );
}
