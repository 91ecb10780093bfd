import "server-only";
import pg from "pg";
import { computeFinalLabel, type TFinalLabel } from "@/lib/final-labels/final-label";
import type { TExportAnnotation } from "@/lib/export/export-row";
import { CAMPAIGN_MARK_COLUMNS, CAMPAIGN_MARK_JOINS } from "@/lib/server/campaigns/campaign-marks-sql";
import type { TDb, TDefinitionContext } from "./load-label-context";
import {
  groupBy,
  NO_ANSWERS,
  NO_VALUES,
  rowAnswers,
  summaryAnswers,
  summarySql,
  type TAnnotationRow,
  type TSummaryRow,
} from "./item-answers";
import { PageMemo, snapshotAnnotations } from "./page-memo";

export type TScannedItem = {
  itemId: string;
  batchId: string;
  externalId: string | null;
  /** Every annotator the item was meant for has submitted. */
  isComplete: boolean;
  data?: Record<string, unknown>;
  /** Definition key -> final label. */
  labels: Record<string, TFinalLabel>;
  /** Definition key -> the versions its current annotations answered (sorted, distinct). */
  versions: Record<string, number[]>;
  /**
   * Per annotator, in the order they annotated: the snapshot a frozen version keeps. Empty when
   * scanned with `withAnnotations: false`.
   */
  annotations: TExportAnnotation[];
  annotationCount: number;
  /** With the option withFlags: an annotator flagged the item. */
  isFlagged?: boolean;
};

export type TScanOptions = {
  batches?: readonly string[];
  /** Start after this item id (keyset). */
  after?: string;
  pageSize?: number;
  withData?: boolean;
  withFlags?: boolean;
  /** The annotations' snapshot (default true): a pass that only filters or counts skips it. */
  withAnnotations?: boolean;
  /** Only these items. */
  itemIds?: readonly string[];
};

export type TItemRow = {
  id: string;
  batch_id: string;
  external_id: string | null;
  is_complete: boolean;
  data?: Record<string, unknown>;
};

// Annotations with the campaign they were made for, if any: what countedAnnotations needs. Only
// projects that ever ran a campaign pay for the joins.
// $1 and $3 say which items (itemsIn), $2 is the project.
const annotationsSql = (items: string) => `SELECT item_id, user_id, definition_id, definition_version,
        value::text AS value, NULL AS "campaignId", false AS "isCampaignDone", 0 AS "campaignStartedAt"
   FROM annotations
  WHERE ${items} AND project_id = $2 AND is_current
  ORDER BY item_id, created_at, id`;
const campaignAnnotationsSql = (items: string) => `SELECT n.item_id, n.user_id, n.definition_id,
        n.definition_version, n.value::text AS value,
        ${CAMPAIGN_MARK_COLUMNS}
   FROM annotations n
   ${CAMPAIGN_MARK_JOINS}
  WHERE ${items} AND n.project_id = $2 AND n.is_current
  ORDER BY n.item_id, n.created_at, n.id`;

/**
 * Which items a page's queries read: by their ids, or, for a page that holds every item of the
 * project in an id range, by that range: one index range scan instead of a probe per id (a quarter
 * of the time at 2,000 items a page), and the same rows, since they are filtered by project too.
 */
function itemsIn(
  column: string,
  ids: readonly string[],
  span: TItemSpan | undefined,
): { sql: string; params: [unknown, ...unknown[]] } {
  if (!span) return { sql: `${column} = ANY($1::bigint[])`, params: [ids] };
  return { sql: `${column} > $1::bigint AND ${column} <= $3::bigint`, params: [span.after, span.last] };
}

/** The page is every item of the project with an id in (after, last]. */
type TItemSpan = { after: string; last: string };
type TAdjudicationRow = { item_id: string; definition_id: string; value: unknown; is_gold: boolean };

/**
 * The project's items in ascending id order, a page at a time, each with its final label for each
 * given definition. Raw SQL, keyset-paginated (no OFFSET), three queries a page: this runs over
 * every item of a project for previews and freezes. The rules themselves are pure code
 * (lib/final-labels). Only current annotations count; the latest adjudication overrides the rule.
 * Relabel campaigns: lib/campaigns/counted-annotations.ts says which annotations count.
 */
export async function* scanFinalLabels(
  q: TDb,
  projectId: string,
  definitions: readonly TDefinitionContext[],
  options: TScanOptions = {},
): AsyncGenerator<TScannedItem[]> {
  const pageSize = options.pageSize ?? 2000;
  let after = options.after ?? "0";
  for (;;) {
    const { rows: items } = await q.query<TItemRow>(
      `SELECT id, batch_id, external_id, done_count >= target_count AS is_complete
              ${options.withData ? ", data" : ""}
         FROM items
        WHERE project_id = $1 AND id > $2 AND ($3::uuid[] IS NULL OR batch_id = ANY($3::uuid[]))
          AND ($5::bigint[] IS NULL OR id = ANY($5::bigint[]))
        ORDER BY id LIMIT $4`,
      [projectId, after, options.batches ?? null, pageSize, options.itemIds ?? null],
    );
    if (items.length === 0) return;
    const isWholeRange = !options.batches && !options.itemIds;
    yield await labelItems(q, projectId, definitions, items, {
      withFlags: options.withFlags,
      withAnnotations: options.withAnnotations,
      span: isWholeRange ? { after, last: items[items.length - 1].id } : undefined,
    });
    if (items.length < pageSize) return;
    after = items[items.length - 1].id;
  }
}

/**
 * scanFinalLabels of these items (of one project), `chunk` ids a query; each chunk fits one page, so
 * no second query asks whether anything follows. Items come chunk by chunk, ascending within each.
 */
export async function* scanItemsById(
  q: TDb,
  projectId: string,
  definitions: readonly TDefinitionContext[],
  ids: readonly string[],
  options: Omit<TScanOptions, "itemIds" | "pageSize" | "after"> = {},
  chunk = 2000,
): AsyncGenerator<TScannedItem[]> {
  for (let start = 0; start < ids.length; start += chunk) {
    const itemIds = ids.slice(start, start + chunk);
    yield* scanFinalLabels(q, projectId, definitions, { ...options, itemIds, pageSize: itemIds.length + 1 });
  }
}

/**
 * Final labels of the given items (rows of one project), with their annotations: two queries for the
 * whole set, however many items.
 */
export async function labelItems(
  q: TDb,
  projectId: string,
  definitions: readonly TDefinitionContext[],
  items: readonly TItemRow[],
  options: { withFlags?: boolean; withAnnotations?: boolean; span?: TItemSpan } = {},
): Promise<TScannedItem[]> {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const which = (column: string) =>
    itemsIn(
      column,
      items.map((i) => i.id),
      options.span,
    );
  const [first, ...rest] = which("item_id").params;
  const params = [first, projectId, ...rest];
  const campaignsRun = () =>
    q.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM campaigns WHERE project_id = $1) AS any", [
      projectId,
    ]);
  const answersRun = async (campaigns: { rows: { any: boolean }[] }) => {
    const hasCampaigns = campaigns.rows[0].any;
    // A pass that only filters or counts (no snapshot), without campaigns, reads one row per item and
    // definition: its values' texts in order, joined; a third of the rows, a tenth of the fields.
    return !hasCampaigns && options.withAnnotations === false
      ? summaryAnswers((await q.query<TSummaryRow>(summarySql(which("item_id").sql), params)).rows, byId)
      : rowAnswers(
          (
            await q.query<TAnnotationRow>(
              hasCampaigns
                ? campaignAnnotationsSql(which("n.item_id").sql)
                : annotationsSql(which("item_id").sql),
              params,
            )
          ).rows,
          definitions,
          hasCampaigns,
        );
  };
  const adjudicationsRun = () =>
    q.query<TAdjudicationRow>(
      `SELECT DISTINCT ON (item_id, definition_id) item_id, definition_id, value, is_gold
         FROM adjudications
        WHERE project_id = $2 AND ${which("item_id").sql}
        ORDER BY item_id, definition_id, id DESC`,
      params,
    );
  const flagsRun = async () =>
    options.withFlags
      ? new Set(
          (
            await q.query<{ item_id: string }>(
              `SELECT DISTINCT item_id FROM item_flags WHERE project_id = $2 AND ${which("item_id").sql}`,
              params,
            )
          ).rows.map((r) => r.item_id),
        )
      : null;
  let answersOf: Awaited<ReturnType<typeof answersRun>>;
  let adjudications: Awaited<ReturnType<typeof adjudicationsRun>>;
  let flagged: Set<string> | null;
  if (q instanceof pg.Pool) {
    // On the pool, side by side: two round trips instead of three or four, each of which waits its
    // turn behind the labelers' queries on a busy server.
    [answersOf, adjudications, flagged] = await Promise.all([
      campaignsRun().then(answersRun),
      adjudicationsRun(),
      flagsRun(),
    ]);
  } else {
    // One after the other: on a transaction's client, queries cannot overlap.
    answersOf = await answersRun(await campaignsRun());
    adjudications = await adjudicationsRun();
    flagged = await flagsRun();
  }
  const adjudicationsOf = groupBy(adjudications.rows, (r) => r.item_id);
  const memo = new PageMemo();
  return items.map((item) => {
    const answers = answersOf.get(item.id) ?? NO_ANSWERS;
    const decided = adjudicationsOf.get(item.id) ?? [];
    const labels: Record<string, TFinalLabel> = {};
    const versions: Record<string, number[]> = {};
    for (const definition of definitions) {
      const { texts, versions: answered } = answers.byDefinition.get(definition.id) ?? NO_VALUES;
      const adjudication = decided.find((d) => d.definition_id === definition.id);
      labels[definition.key] = adjudication
        ? computeFinalLabel(
            definition.spec,
            definition.rule,
            texts.map((t) => ({ userId: "", version: 0, value: memo.parse(t) })),
            { value: adjudication.value, isGold: adjudication.is_gold },
          )
        : memo.finalLabel(definition, texts);
      versions[definition.key] = answered;
    }
    return {
      itemId: item.id,
      batchId: item.batch_id,
      externalId: item.external_id,
      isComplete: item.is_complete,
      ...(item.data === undefined ? {} : { data: item.data }),
      labels,
      versions,
      annotations: options.withAnnotations === false ? [] : snapshotAnnotations(answers.own, byId, memo),
      annotationCount: answers.count,
      ...(flagged ? { isFlagged: flagged.has(item.id) } : {}),
    };
  });
}
