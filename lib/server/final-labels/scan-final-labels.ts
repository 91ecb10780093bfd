import "server-only";
import pg from "pg";
import { computeFinalLabel, type TFinalLabel } from "@/lib/final-labels/final-label";
import { normalizeValue } from "@/lib/final-labels/value-key";
import { countedAnnotations, type TCampaignMark } from "@/lib/campaigns/counted-annotations";
import type { TExportAnnotation } from "@/lib/export/export-row";
import { CAMPAIGN_MARK_COLUMNS, CAMPAIGN_MARK_JOINS } from "@/lib/server/campaigns/campaign-marks-sql";
import type { TDb, TDefinitionContext } from "./load-label-context";

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
type TAnnotationRow = TCampaignMark & {
  item_id: string;
  user_id: string;
  definition_id: string;
  definition_version: number;
  /** The jsonb value as text: a page holds few distinct values, each parsed once (JSON.parse, as pg would). */
  value: string | null;
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

type TItemAnswers = {
  /** Definition id -> the counted values' texts in the order they were made, and the versions they answered (sorted). */
  byDefinition: Map<string, { texts: (string | null)[]; versions: number[] }>;
  count: number;
  /** The counted annotations, for the snapshot (empty from the summary). */
  own: TAnnotationRow[];
};
const NO_ANSWERS: TItemAnswers = { byDefinition: new Map(), count: 0, own: [] };
const NO_VALUES = { texts: [], versions: [] };

/**
 * Per item, the annotations that count for each definition (a finished campaign's relabels replace
 * the rest), in the order they were made, which the frozen snapshot keeps. Without campaigns, all
 * of the given definitions' annotations.
 */
function rowAnswers(
  rows: readonly TAnnotationRow[],
  definitions: readonly TDefinitionContext[],
  hasCampaigns: boolean,
): Map<string, TItemAnswers> {
  const answers = new Map<string, TItemAnswers>();
  for (const [itemId, itemRows] of groupBy(rows, (r) => r.item_id)) {
    let own = itemRows.filter((a) => definitions.some((d) => d.id === a.definition_id));
    if (hasCampaigns) {
      const counted = new Set(
        definitions.flatMap((d) => countedAnnotations(itemRows.filter((a) => a.definition_id === d.id))),
      );
      own = itemRows.filter((a) => counted.has(a));
    }
    const byDefinition = new Map<string, { texts: (string | null)[]; versions: number[] }>();
    for (const a of own) {
      let entry = byDefinition.get(a.definition_id);
      if (!entry) byDefinition.set(a.definition_id, (entry = { texts: [], versions: [] }));
      entry.texts.push(a.value);
      if (!entry.versions.includes(a.definition_version)) entry.versions.push(a.definition_version);
    }
    for (const entry of byDefinition.values()) entry.versions.sort((x, y) => x - y);
    answers.set(itemId, { byDefinition, count: own.length, own });
  }
  return answers;
}

type TSummaryRow = { item_id: string; definition_id: string; texts: string; versions: number[]; n: number };

// Separates the value texts of one item and definition: jsonb's text escapes every control character.
const SEPARATOR = "\u0001";
const summarySql = (items: string) => `SELECT item_id, definition_id,
        string_agg(coalesce(value::text, 'null'), E'\\x01' ORDER BY created_at, id) AS texts,
        array_agg(DISTINCT definition_version) AS versions, count(*)::int AS n
   FROM annotations
  WHERE ${items} AND project_id = $2 AND is_current
  GROUP BY item_id, definition_id`;

/** rowAnswers' result from the summary rows (no campaigns: every current annotation counts). */
function summaryAnswers(
  rows: readonly TSummaryRow[],
  definitions: ReadonlyMap<string, TDefinitionContext>,
): Map<string, TItemAnswers> {
  const answers = new Map<string, TItemAnswers>();
  for (const row of rows) {
    if (!definitions.has(row.definition_id)) continue;
    let entry = answers.get(row.item_id);
    if (!entry) answers.set(row.item_id, (entry = { byDefinition: new Map(), count: 0, own: [] }));
    entry.byDefinition.set(row.definition_id, {
      texts: row.texts.split(SEPARATOR),
      versions: [...row.versions].sort((x, y) => x - y),
    });
    entry.count += row.n;
  }
  return answers;
}

/**
 * A page's items repeat a few values (and a few sequences of values) over and over: each distinct
 * value text is parsed and normalized once, and each distinct sequence of values of a definition
 * gets its final label once. computeFinalLabel is pure and reads only the values, in their order,
 * so the label of an equal sequence is the same label (each item gets its own copy of the object).
 */
class PageMemo {
  private readonly parsed = new Map<string, unknown>();
  private readonly normalizedValues = new Map<string, unknown>();
  private readonly labels = new Map<string, TFinalLabel>();

  parse(text: string | null): unknown {
    if (text === null) return null;
    if (this.parsed.has(text)) return this.parsed.get(text);
    const value: unknown = JSON.parse(text);
    this.parsed.set(text, value);
    return value;
  }

  normalize(definition: TDefinitionContext, text: string | null): unknown {
    const key = `${definition.id}\u0000${text ?? "null"}`;
    if (this.normalizedValues.has(key)) return this.normalizedValues.get(key);
    const value = normalizeValue(definition.spec, this.parse(text));
    this.normalizedValues.set(key, value);
    return value;
  }

  finalLabel(definition: TDefinitionContext, texts: readonly (string | null)[]): TFinalLabel {
    // Canonical JSON text never holds a raw U+0000, so the joined key is unambiguous.
    const key = `${definition.id}\u0000${texts.map((t) => t ?? "null").join("\u0000")}`;
    let label = this.labels.get(key);
    if (!label) {
      label = computeFinalLabel(
        definition.spec,
        definition.rule,
        texts.map((t) => ({ userId: "", version: 0, value: this.parse(t) })),
        null,
      );
      this.labels.set(key, label);
    }
    return { ...label };
  }
}

/** One entry per annotator, in the order they first annotated the item; values in canonical order. */
function snapshotAnnotations(
  rows: readonly TAnnotationRow[],
  definitions: ReadonlyMap<string, TDefinitionContext>,
  memo: PageMemo,
): TExportAnnotation[] {
  const byUser = new Map<string, TExportAnnotation>();
  for (const row of rows) {
    const definition = definitions.get(row.definition_id)!;
    let entry = byUser.get(row.user_id);
    if (!entry)
      byUser.set(row.user_id, (entry = { annotator: row.user_id, values: {}, definitionVersions: {} }));
    entry.values[definition.key] = memo.normalize(definition, row.value);
    entry.definitionVersions[definition.key] = row.definition_version;
  }
  return [...byUser.values()];
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return groups;
}
