import "server-only";
import { computeFinalLabel, type TAnnotationValue, type TFinalLabel } from "@/lib/final-labels/final-label";
import { normalizeValue } from "@/lib/final-labels/value-key";
import type { TExportAnnotation } from "@/lib/export/export-row";
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
  /** Per annotator, in the order they annotated: the snapshot a frozen version keeps. */
  annotations: TExportAnnotation[];
  annotationCount: number;
};

export type TScanOptions = {
  batches?: readonly string[];
  /** Start after this item id (keyset). */
  after?: string;
  pageSize?: number;
  withData?: boolean;
};

export type TItemRow = {
  id: string;
  batch_id: string;
  external_id: string | null;
  is_complete: boolean;
  data?: Record<string, unknown>;
};
type TAnnotationRow = {
  item_id: string;
  user_id: string;
  definition_id: string;
  definition_version: number;
  value: unknown;
};
type TAdjudicationRow = { item_id: string; definition_id: string; value: unknown; is_gold: boolean };

/**
 * The project's items in ascending id order, a page at a time, each with its final label for each
 * given definition. Raw SQL, keyset-paginated (no OFFSET), three queries a page: this runs over
 * every item of a project for previews and freezes. The rules themselves are pure code
 * (lib/final-labels). Only current annotations count; the latest adjudication overrides the rule.
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
        ORDER BY id LIMIT $4`,
      [projectId, after, options.batches ?? null, pageSize],
    );
    if (items.length === 0) return;
    yield await labelItems(q, projectId, definitions, items);
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
): Promise<TScannedItem[]> {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const ids = items.map((i) => i.id);
  // One after the other: on a transaction's client, queries cannot overlap.
  const annotations = await q.query<TAnnotationRow>(
    `SELECT item_id, user_id, definition_id, definition_version, value
       FROM annotations
      WHERE item_id = ANY($1::bigint[]) AND project_id = $2 AND is_current
      ORDER BY item_id, created_at, id`,
    [ids, projectId],
  );
  const adjudications = await q.query<TAdjudicationRow>(
    `SELECT DISTINCT ON (item_id, definition_id) item_id, definition_id, value, is_gold
       FROM adjudications
      WHERE project_id = $1 AND item_id = ANY($2::bigint[])
      ORDER BY item_id, definition_id, id DESC`,
    [projectId, ids],
  );
  const annotationsOf = groupBy(annotations.rows, (r) => r.item_id);
  const adjudicationsOf = groupBy(adjudications.rows, (r) => r.item_id);
  return items.map((item) => {
    const own = (annotationsOf.get(item.id) ?? []).filter((a) => byId.has(a.definition_id));
    const decided = adjudicationsOf.get(item.id) ?? [];
    const labels: Record<string, TFinalLabel> = {};
    const versions: Record<string, number[]> = {};
    for (const definition of definitions) {
      const values: TAnnotationValue[] = [];
      const seen = new Set<number>();
      for (const a of own) {
        if (a.definition_id !== definition.id) continue;
        values.push({ userId: a.user_id, version: a.definition_version, value: a.value });
        seen.add(a.definition_version);
      }
      const adjudication = decided.find((d) => d.definition_id === definition.id);
      labels[definition.key] = computeFinalLabel(
        definition.spec,
        definition.rule,
        values,
        adjudication ? { value: adjudication.value, isGold: adjudication.is_gold } : null,
      );
      versions[definition.key] = [...seen].sort((x, y) => x - y);
    }
    return {
      itemId: item.id,
      batchId: item.batch_id,
      externalId: item.external_id,
      isComplete: item.is_complete,
      ...(item.data === undefined ? {} : { data: item.data }),
      labels,
      versions,
      annotations: snapshotAnnotations(own, byId),
      annotationCount: own.length,
    };
  });
}

/** One entry per annotator, in the order they first annotated the item; values in canonical order. */
function snapshotAnnotations(
  rows: readonly TAnnotationRow[],
  definitions: ReadonlyMap<string, TDefinitionContext>,
): TExportAnnotation[] {
  const byUser = new Map<string, TExportAnnotation>();
  for (const row of rows) {
    const definition = definitions.get(row.definition_id)!;
    let entry = byUser.get(row.user_id);
    if (!entry)
      byUser.set(row.user_id, (entry = { annotator: row.user_id, values: {}, definitionVersions: {} }));
    entry.values[definition.key] = normalizeValue(definition.spec, row.value);
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
