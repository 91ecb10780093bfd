import "server-only";
import { findMajority, type TMajority } from "@/lib/final-labels/majority";
import { unprocessable } from "@/lib/server/errors";
import type { TMajorityFilter } from "@/lib/schemas/final-labels";
import { listReviewCandidates } from "./list-review-candidates";
import { loadLabelContext, type TDb, type TDefinitionContext } from "./load-label-context";
import { scanFinalLabels } from "./scan-final-labels";

export type TMajorityItem = TMajority & {
  itemId: string;
  externalId: string | null;
  /** The text a spans definition labels, so its spans can be quoted. */
  text: string | null;
};

/**
 * The review queue's items, for one definition, whose annotations have a majority value (given
 * more often than any other, by at least `minCount` annotations): what a bulk accept would decide.
 * The same items the queue holds: unresolved by the rule, never decided, labeled to the end
 * unless `includeIncomplete`: read from the review states' index (docs/decisions/029-review-states.md),
 * so the cost follows the queue, not the project.
 */
export async function findMajorityItems(
  q: TDb,
  projectId: string,
  filter: TMajorityFilter,
): Promise<{ definition: TDefinitionContext; items: TMajorityItem[] }> {
  const all = await loadLabelContext(q, projectId);
  const definition = all.find((d) => d.key === filter.definition);
  if (!definition) {
    throw unprocessable("There is no such label definition.", [
      { path: "definition", message: `unknown definition "${filter.definition}"` },
    ]);
  }
  const { spec } = definition;
  const items: TMajorityItem[] = [];
  const candidates = listReviewCandidates(q, projectId, all, {
    includeIncomplete: filter.includeIncomplete,
    definitionId: definition.id,
    batchSize: 2000,
  });
  const pages = async function* () {
    for await (const itemIds of candidates) {
      const withData = spec.kind === "spans";
      yield* scanFinalLabels(q, projectId, [definition], { itemIds, pageSize: itemIds.length + 1, withData });
    }
  };
  for await (const page of pages()) {
    for (const item of page) {
      if (item.labels[definition.key].isResolved) continue;
      if (!filter.includeIncomplete && !item.isComplete) continue;
      const values = item.annotations
        .filter((a) => Object.hasOwn(a.values, definition.key))
        .map((a) => a.values[definition.key]);
      const majority = findMajority(spec, values);
      if (majority === null || majority.count < filter.minCount) continue;
      const text = spec.kind === "spans" ? item.data?.[spec.textField] : undefined;
      items.push({
        ...majority,
        itemId: item.itemId,
        externalId: item.externalId,
        text: typeof text === "string" ? text : null,
      });
    }
  }
  return { definition, items };
}
