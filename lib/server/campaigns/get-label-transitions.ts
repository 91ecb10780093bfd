import "server-only";
import { countedAnnotations, type TCampaignMark } from "@/lib/campaigns/counted-annotations";
import { flippedCount, transitionMatrix, type TTransitionPair } from "@/lib/campaigns/transition-matrix";
import { computeFinalLabel, type TFinalLabel } from "@/lib/final-labels/final-label";
import { valueKey } from "@/lib/final-labels/value-key";
import { getPool } from "@/lib/db";
import type { TTransitions } from "@/lib/schemas/campaigns";
import { unprocessable, type TFieldError } from "@/lib/server/errors";
import { CAMPAIGN_MARK_COLUMNS, CAMPAIGN_MARK_JOINS } from "./campaign-marks-sql";
import { loadLabelContext, type TDefinitionContext } from "@/lib/server/final-labels/load-label-context";

type TRow = TCampaignMark & { item_id: string; user_id: string; version: number; value: unknown };
type TAdjudicationRow = { item_id: string; version: number; value: unknown; is_gold: boolean };

/**
 * Final labels of one definition under two of its versions, side by side: for every item with a
 * final label under both, which value it had and has. An item's final label under a version is
 * what the definition's rule makes of its annotations under that version (a finished campaign's
 * relabels replacing the rest, lib/campaigns/counted-annotations.ts), or the latest adjudication
 * made under that version. `campaign` narrows to the items of one campaign.
 */
export async function getLabelTransitions(
  projectId: string,
  key: string,
  query: { from: number; to: number; campaign?: string },
): Promise<TTransitions> {
  const pool = getPool();
  const definition = (await loadLabelContext(pool, projectId)).find((d) => d.key === key);
  if (!definition) {
    throw unprocessable("There is no such label definition.", [
      { path: "key", message: `unknown definition "${key}"` },
    ]);
  }
  const errors: TFieldError[] = [];
  for (const field of ["from", "to"] as const) {
    if (!definition.versions.has(query[field])) {
      errors.push({ path: field, message: `"${key}" has no version ${query[field]}` });
    }
  }
  if (errors.length > 0) throw unprocessable("No such version.", errors);
  const versions = [query.from, query.to];
  const { rows } = await pool.query<TRow>(
    `SELECT n.item_id, n.user_id, n.definition_version AS version, n.value,
            ${CAMPAIGN_MARK_COLUMNS}
       FROM annotations n
       ${CAMPAIGN_MARK_JOINS}
      WHERE n.definition_id = $1 AND n.is_current AND n.definition_version = ANY($2::int[])
        AND ($3::uuid IS NULL OR n.item_id IN (SELECT item_id FROM campaign_items WHERE campaign_id = $3))
      ORDER BY n.item_id, n.id`,
    [definition.id, versions, query.campaign ?? null],
  );
  const adjudications = await pool.query<TAdjudicationRow>(
    `SELECT DISTINCT ON (item_id, definition_version) item_id, definition_version AS version, value, is_gold
       FROM adjudications WHERE definition_id = $1 AND definition_version = ANY($2::int[])
      ORDER BY item_id, definition_version, id DESC`,
    [definition.id, versions],
  );
  const decided = new Map(adjudications.rows.map((r) => [`${r.item_id}:${r.version}`, r]));
  const byItem = new Map<string, TRow[]>();
  for (const row of rows) {
    let list = byItem.get(row.item_id);
    if (!list) byItem.set(row.item_id, (list = []));
    list.push(row);
  }
  const pairs: TTransitionPair[] = [];
  for (const [itemId, itemRows] of byItem) {
    const before = finalUnder(definition, query.from, itemRows, decided.get(`${itemId}:${query.from}`));
    const after = finalUnder(definition, query.to, itemRows, decided.get(`${itemId}:${query.to}`));
    if (before === null || after === null) continue;
    pairs.push({ itemId, from: before, to: after });
  }
  pairs.sort((a, b) => (BigInt(a.itemId) < BigInt(b.itemId) ? -1 : 1));
  const matrix = transitionMatrix(pairs);
  // Items are named by the id their owners gave them, as everywhere a lead reads them.
  const shown = [...new Set(matrix.flatMap((c) => c.itemIds))];
  const external = await pool.query<{ id: string; external_id: string | null }>(
    "SELECT id::text, external_id FROM items WHERE id = ANY($1::bigint[])",
    [shown],
  );
  const externalOf = new Map(external.rows.map((r) => [r.id, r.external_id]));
  return {
    from: query.from,
    to: query.to,
    items: pairs.length,
    changed: flippedCount(matrix),
    matrix: matrix.map((c) => ({ ...c, externalIds: c.itemIds.map((id) => externalOf.get(id) ?? null) })),
  };
}

/** The canonical JSON of the item's final value under `version`, or null when it has none. */
function finalUnder(
  definition: TDefinitionContext,
  version: number,
  rows: readonly TRow[],
  adjudication: TAdjudicationRow | undefined,
): string | null {
  const spec = definition.versions.get(version)!.spec;
  const counted = countedAnnotations(rows.filter((r) => r.version === version));
  if (counted.length === 0 && !adjudication) return null;
  const label: TFinalLabel = computeFinalLabel(
    spec,
    definition.rule,
    counted.map((r) => ({ userId: r.user_id, version, value: r.value })),
    adjudication ? { value: adjudication.value, isGold: adjudication.is_gold } : null,
  );
  return label.isResolved ? valueKey(spec, label.value) : null;
}
