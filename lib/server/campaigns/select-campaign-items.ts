import "server-only";
import { CAMPAIGN_SOURCES, type TCampaignSelection } from "@/lib/schemas/campaigns";
import type { TFieldError } from "@/lib/server/errors";
import { unprocessable } from "@/lib/server/errors";
import { prepareFilter } from "@/lib/server/eval-sets/prepare-filter";
import { selectEvalSetItems } from "@/lib/server/eval-sets/select-eval-set-items";
import type { TDb } from "@/lib/server/final-labels/load-label-context";

/**
 * The ids of the items a campaign's selection names, before the check that they need relabeling.
 * One source at a time: ids, a week, an eval-set version, the disagreements list, or the eval-set
 * filter's fields (a batch is `batches`). Anything that does not fit the project: 422 naming it.
 */
export async function selectCampaignItems(
  q: TDb,
  projectId: string,
  definitionId: string,
  selection: TCampaignSelection,
): Promise<string[]> {
  const sources = CAMPAIGN_SOURCES.filter((s) => selection[s] !== undefined);
  const filterFields = Object.keys(selection).filter(
    (k) => !(CAMPAIGN_SOURCES as readonly string[]).includes(k),
  );
  if (sources.length > 1 || (sources.length === 1 && filterFields.length > 0)) {
    throw unprocessable("Choose the items one way at a time.", [
      { path: "filter", message: `give one of ${CAMPAIGN_SOURCES.join(", ")}, or eval-set filter fields` },
    ]);
  }
  if (selection.itemIds) return byIds(q, projectId, selection.itemIds);
  if (selection.week) return byWeek(q, definitionId, selection.week);
  if (selection.evalSetVersion) return byEvalSetVersion(q, projectId, selection.evalSetVersion);
  if (selection.disagreements) {
    const { rows } = await q.query<{ item_id: string }>(
      `SELECT item_id FROM annotations WHERE definition_id = $1 AND is_current
        GROUP BY item_id, definition_version HAVING count(DISTINCT coalesce(value, 'null'::jsonb)) > 1`,
      [definitionId],
    );
    return [...new Set(rows.map((r) => r.item_id))];
  }
  const prepared = await prepareFilter(q, projectId, selection);
  const { pages } = await selectEvalSetItems(q, projectId, prepared);
  const ids: string[] = [];
  for await (const page of pages) for (const item of page) ids.push(item.itemId);
  return ids;
}

async function byIds(q: TDb, projectId: string, itemIds: string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM items WHERE project_id = $1 AND id = ANY($2::bigint[])",
    [projectId, itemIds],
  );
  const known = new Set(rows.map((r) => r.id));
  const errors: TFieldError[] = [];
  itemIds.forEach((id, i) => {
    if (!known.has(id)) errors.push({ path: `filter.itemIds.${i}`, message: "not an item of this project" });
  });
  if (errors.length > 0) throw unprocessable("Some items are not in this project.", errors.slice(0, 20));
  return [...known];
}

async function byWeek(q: TDb, definitionId: string, week: string): Promise<string[]> {
  // The drift report's weeks: Monday to Monday (UTC), an item in the week of its latest annotation.
  if (new Date(`${week}T00:00:00Z`).getUTCDay() !== 1) {
    throw unprocessable("A week starts on a Monday.", [{ path: "filter.week", message: "must be a Monday" }]);
  }
  const { rows } = await q.query<{ item_id: string }>(
    `SELECT item_id FROM annotations WHERE definition_id = $1 AND is_current
      GROUP BY item_id
     HAVING max(created_at) >= $2::date AND max(created_at) < $2::date + 7`,
    [definitionId, week],
  );
  return rows.map((r) => r.item_id);
}

async function byEvalSetVersion(
  q: TDb,
  projectId: string,
  ref: { evalSetId: string; version: number },
): Promise<string[]> {
  const { rows } = await q.query<{ item_id: string | null }>(
    `SELECT i.id AS item_id
       FROM eval_sets s
       JOIN eval_set_versions v ON v.eval_set_id = s.id AND v.version = $3 AND v.sealed_at IS NOT NULL
       LEFT JOIN eval_set_items e ON e.version_id = v.id
       LEFT JOIN items i ON i.id = e.item_id AND i.project_id = s.project_id
      WHERE s.id = $2 AND s.project_id = $1`,
    [projectId, ref.evalSetId, ref.version],
  );
  if (rows.length === 0) {
    throw unprocessable("There is no such frozen eval-set version in this project.", [
      { path: "filter.evalSetVersion", message: "no such frozen version" },
    ]);
  }
  return rows.flatMap((r) => (r.item_id ? [r.item_id] : []));
}
