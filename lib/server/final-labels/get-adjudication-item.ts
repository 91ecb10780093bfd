import "server-only";
import { getPool } from "@/lib/db";
import { findMajority } from "@/lib/final-labels/majority";
import { describeRule } from "@/lib/final-labels/rules";
import { notFound } from "@/lib/server/errors";
import type { TAdjudicationItem } from "@/lib/schemas/final-labels";
import { listFinalLabels } from "./list-final-labels";
import { loadLabelContext } from "./load-label-context";
import { scanFinalLabels } from "./scan-final-labels";

type TAnnotationRow = {
  definition_id: string;
  definition_version: number;
  value: unknown;
  created_at: Date;
  user_id: string;
  name: string | null;
};
type THistoryRow = {
  id: string;
  definition_id: string;
  definition_version: number;
  value: unknown;
  note: string;
  is_gold: boolean;
  created_at: Date;
  decided_by_id: string | null;
  name: string | null;
};

/**
 * One item as a lead adjudicates it: its data; per definition every current annotation side by
 * side (annotators named: leads see who said what), the final label and the decisions made so far.
 */
export async function getAdjudicationItem(projectId: string, itemId: string): Promise<TAdjudicationItem> {
  const pool = getPool();
  // The next unresolved item is the longest chain of queries (the review queue's); it starts with
  // the item's own, not after them. Nobody awaits it when the item is not found: its failure then
  // has nowhere to go and is dropped.
  const nextUnresolved = listFinalLabels(projectId, {
    state: "unresolved",
    includeIncomplete: false,
    after: itemId,
    limit: 1,
  });
  nextUnresolved.catch(() => undefined);
  const [{ rows: items }, definitions] = await Promise.all([
    pool.query<{
      id: string;
      external_id: string | null;
      batch_id: string;
      data: Record<string, unknown>;
    }>("SELECT id, external_id, batch_id, data FROM items WHERE id = $1 AND project_id = $2", [
      itemId,
      projectId,
    ]),
    loadLabelContext(pool, projectId),
  ]);
  if (items.length === 0) throw notFound("Item");
  const previous = (BigInt(itemId) - 1n).toString();
  const [scanned, annotations, history, next] = await Promise.all([
    first(scanFinalLabels(pool, projectId, definitions, { after: previous, pageSize: 1 })),
    pool.query<TAnnotationRow>(
      `SELECT a.definition_id, a.definition_version, a.value, a.created_at, a.user_id, u.name
         FROM annotations a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.item_id = $1 AND a.project_id = $2 AND a.is_current
        ORDER BY a.created_at, a.id`,
      [itemId, projectId],
    ),
    pool.query<THistoryRow>(
      `SELECT j.id, j.definition_id, j.definition_version, j.value, j.note, j.is_gold, j.created_at,
              j.decided_by_id, u.name
         FROM adjudications j LEFT JOIN users u ON u.id = j.decided_by_id
        WHERE j.item_id = $1 AND j.project_id = $2
        ORDER BY j.id DESC`,
      [itemId, projectId],
    ),
    nextUnresolved,
  ]);
  const item = items[0];
  return {
    item: {
      id: item.id,
      externalId: item.external_id,
      batchId: item.batch_id,
      isComplete: scanned?.isComplete ?? false,
      data: item.data,
    },
    definitions: definitions.map((d) => {
      const current = annotations.rows.filter((a) => a.definition_id === d.id);
      return {
        key: d.key,
        title: d.title,
        kind: d.kind,
        version: d.currentVersion,
        spec: d.spec as unknown as Record<string, unknown>,
        rule: describeRule(d.rule, d.kind),
        finalLabel: scanned!.labels[d.key],
        majority: findMajority(
          d.spec,
          current.map((a) => a.value),
        ),
        annotations: current.map((a) => ({
          annotator: { id: a.user_id, name: a.name ?? "(deleted user)" },
          value: a.value,
          definitionVersion: a.definition_version,
          createdAt: a.created_at.toISOString(),
        })),
        history: history.rows
          .filter((h) => h.definition_id === d.id)
          .map((h) => ({
            id: h.id,
            itemId: item.id,
            definition: d.key,
            definitionVersion: h.definition_version,
            value: h.value,
            note: h.note,
            isGold: h.is_gold,
            decidedBy: h.decided_by_id ? { id: h.decided_by_id, name: h.name ?? "" } : null,
            createdAt: h.created_at.toISOString(),
          })),
      };
    }),
    nextUnresolved: next.items[0]?.itemId ?? null,
  };
}

async function first<T>(pages: AsyncGenerator<T[]>): Promise<T | undefined> {
  const { value } = await pages.next();
  await pages.return(undefined);
  return value?.[0];
}
