import "server-only";
import pg from "pg";
import { compareItemIds } from "@/lib/export/export-row";
import { sampleItems, type TSampleCandidate } from "@/lib/eval-sets/sampling";
import type { TFinalLabel } from "@/lib/final-labels/final-label";
import { valueKey } from "@/lib/final-labels/value-key";
import { ONE_SNAPSHOT, withTransaction } from "@/lib/server/db/with-transaction";
import type { TDb, TDefinitionContext } from "@/lib/server/final-labels/load-label-context";
import { PageMemo } from "@/lib/server/final-labels/page-memo";
import { scanItemsById } from "@/lib/server/final-labels/scan-final-labels";
import { compileFor, type TPreparedFilter } from "./prepare-filter";

/** An item's final labels for the carried definitions, and how many counted annotations made them. */
export type TLabeledItem = { labels: Record<string, TFinalLabel>; annotationCount: number };

export type TStoredCandidates = {
  /**
   * The items the filter matches, with their stratum when the filter stratifies: ascending by id,
   * unless the filter samples (a sample does not depend on the order: lib/eval-sets/sampling.ts).
   */
  candidates: TSampleCandidate[];
};

const STALE_PAGE = 2000;

/**
 * The items an eval-set filter matches, read from the labels stored in review states
 * (docs/decisions/036-stored-final-labels.md) instead of computed for every item of the project:
 * - rows whose stored labels are current: the filter in SQL, over their stored labels;
 * - stale rows: labeled with the rule's code (scanFinalLabels) and filtered by compileFilter;
 * - items without a row (never annotated): the labels of no annotations, filtered once.
 * The three parts are disjoint only within one snapshot: call inside a transaction (REPEATABLE READ,
 * as the freeze and the preview do), or on the pool, which opens one.
 */
export async function storedCandidates(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  /** Ascending by id even when the filter samples (the candidate cache keeps them so). */
  options: { ordered?: boolean } = {},
): Promise<TStoredCandidates> {
  if (!(q instanceof pg.Pool)) return candidatesInSnapshot(q, projectId, prepared, options);
  return withTransaction((client) => candidatesInSnapshot(client, projectId, prepared, options), {
    begin: ONE_SNAPSHOT,
    pool: q,
  });
}

/** The ids a set takes from its candidates: its sample if it has one, else all of them (id order). */
export function takenIds(prepared: TPreparedFilter, candidates: readonly TSampleCandidate[]): string[] {
  const { sample } = prepared.filter;
  return sample
    ? sampleItems(candidates, {
        size: sample.size,
        seed: sample.seed,
        isStratified: prepared.stratifyBy !== null,
      })
    : candidates.map((c) => c.itemId);
}

async function candidatesInSnapshot(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  options: { ordered?: boolean },
): Promise<TStoredCandidates> {
  const { filter, stratifyBy } = prepared;
  // One row: the ids joined by commas, and the strata by U+0001 (a value key is canonical JSON, whose
  // text escapes every control character). Hundreds of thousands of rows cost more to parse than this.
  const { conditions, params, stratum } = storedFilterParts(prepared, [projectId]);
  const sql = `SELECT s.item_id, ${stratum} AS stratum FROM review_states s
                WHERE s.project_id = $1 AND NOT s.is_stale AND ${conditions}`;
  // Sorting a million ids costs a tenth of a second; only a set without a sample needs them in order.
  const isOrdered = !filter.sample || options.ordered === true;
  const order = isOrdered ? "ORDER BY item_id" : "";
  const { rows: joined } = await q.query<{ ids: string | null; strata: string | null }>(
    `SELECT string_agg(item_id::text, ',' ${order}) AS ids,
            string_agg(coalesce(stratum, ''), E'\\x01' ${order}) AS strata
       FROM (${sql}) c`,
    params,
  );
  const ids = joined[0].ids === null ? [] : joined[0].ids.split(",");
  const strata = stratifyBy && joined[0].strata !== null ? joined[0].strata.split("\u0001") : null;
  const candidates: TSampleCandidate[] = ids.map((itemId, i) =>
    strata ? { itemId, stratum: strata[i] } : { itemId },
  );
  const storedCount = candidates.length;

  for await (const page of staleCandidatePages(q, projectId, prepared))
    for (const { itemId, stratum } of page) candidates.push({ itemId, stratum });
  const unlabeled = await unlabeledCandidates(q, projectId, prepared);
  for (const itemId of unlabeled.ids) candidates.push({ itemId, stratum: unlabeled.stratum });
  // The stored ones come in id order (when it matters); only what was added after them needs sorting in.
  if (isOrdered && candidates.length > storedCount)
    candidates.sort((a, b) => compareItemIds(a.itemId, b.itemId));
  return { candidates };
}

/** A candidate labeled by the rule's code, with its labels. */
export type TLabeledCandidate = TSampleCandidate & TLabeledItem;

/**
 * The candidates among the project's stale review states, labeled by the rule's code, a page of
 * states at a time by keyset (after an import that is every row of the project), in id order.
 */
export async function* staleCandidatePages(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
): AsyncGenerator<TLabeledCandidate[]> {
  for (let after = "0"; ;) {
    const { rows: stale } = await q.query<{ item_id: string }>(
      // item_id as bigint (pg gives it as a string): ordered as numbers, which the keyset needs.
      `SELECT item_id FROM review_states
        WHERE project_id = $1 AND is_stale AND item_id > $2 ORDER BY item_id LIMIT $3`,
      [projectId, after, STALE_PAGE],
    );
    if (stale.length === 0) return;
    const itemIds = stale.map((r) => r.item_id);
    yield await labeledCandidates(q, projectId, prepared, itemIds);
    if (stale.length < STALE_PAGE) return;
    after = itemIds[itemIds.length - 1];
  }
}

/**
 * These items labeled by the rule's code (as a stale review state must be) and kept where the filter
 * matches, in id order: the candidates among them.
 */
export async function labeledCandidates(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
  itemIds: readonly string[],
): Promise<TLabeledCandidate[]> {
  const { filter, definitions, matches, stratifyBy } = prepared;
  const out: TLabeledCandidate[] = [];
  const scan = scanItemsById(q, projectId, definitions, itemIds, {
    batches: filter.batches,
    withAnnotations: false,
    withFlags: filter.flagged !== undefined,
  });
  for await (const page of scan) {
    for (const item of page) {
      if (!matches(item)) continue;
      const { itemId, labels, annotationCount } = item;
      out.push({ itemId, stratum: stratumOf(stratifyBy, labels), labels, annotationCount });
    }
  }
  return out;
}

function stratumOf(stratifyBy: TDefinitionContext | null, labels: Record<string, TFinalLabel>) {
  return stratifyBy ? valueKey(stratifyBy.spec, labels[stratifyBy.key].value) : undefined;
}

/**
 * The items nobody annotated (no review state) that the filter matches: all have the labels of no
 * annotations (`unlabeled`), so the labels are checked once; batches and flags in SQL. Ascending ids.
 */
export async function unlabeledCandidates(
  q: TDb,
  projectId: string,
  prepared: TPreparedFilter,
): Promise<{ unlabeled: TLabeledItem; ids: string[]; stratum: string | undefined }> {
  const { filter, definitions, stratifyBy } = prepared;
  const unlabeled = unlabeledItem(definitions);
  const stratum = stratumOf(stratifyBy, unlabeled.labels);
  // Batches and flags are the item's own, checked in SQL; the rest is the same for every such item.
  const { batches: _batches, flagged: _flagged, ...labelsOnly } = filter;
  if (!compileFor(labelsOnly, definitions)({ itemId: "", batchId: "", ...unlabeled, versions: {} }))
    return { unlabeled, ids: [], stratum };
  const params: unknown[] = [projectId];
  const where = ["i.project_id = $1", "NOT EXISTS (SELECT 1 FROM review_states s WHERE s.item_id = i.id)"];
  if (filter.batches) where.push(`i.batch_id = ANY($${params.push(filter.batches)}::uuid[])`);
  if (filter.flagged !== undefined)
    where.push(
      `EXISTS (SELECT 1 FROM item_flags f WHERE f.item_id = i.id) = $${params.push(filter.flagged)}::boolean`,
    );
  const { rows } = await q.query<{ id: string }>(
    `SELECT i.id::text AS id FROM items i WHERE ${where.join(" AND ")} ORDER BY i.id`,
    params,
  );
  return { unlabeled, ids: rows.map((r) => r.id), stratum };
}

/**
 * The carried definitions' stored final labels of a review state (`s`) as one JSON array (text), its
 * parameters appended to `params`.
 */
export function storedLabelsSql(definitions: readonly TDefinitionContext[], params: unknown[]): string {
  return `jsonb_build_array(${definitions
    .map((d) => `s.labels -> $${params.push(d.id)}::text -> 'l'`)
    .join(", ")})::text`;
}

/** An item's labels from storedLabelsSql's text: per carried definition, and their annotations' count. */
export function labeledFrom(definitions: readonly TDefinitionContext[], text: string): TLabeledItem {
  const list = JSON.parse(text) as TFinalLabel[];
  return {
    labels: Object.fromEntries(definitions.map((d, i) => [d.key, list[i]])),
    annotationCount: list.reduce((n, l) => n + l.annotationCount, 0),
  };
}

/** The labels of an item without annotations or adjudications: the rule's answer to nothing. */
export function unlabeledItem(definitions: readonly TDefinitionContext[]): TLabeledItem {
  const memo = new PageMemo();
  return {
    labels: Object.fromEntries(definitions.map((d) => [d.key, memo.finalLabel(d, [])])),
    annotationCount: 0,
  };
}

/**
 * compileFilter (lib/eval-sets/match-filter.ts) as SQL conditions over a fresh review state's (`s`)
 * stored labels, its parameters appended to `params`; the
 * eval-set selection test holds the two to the same answers. Per carried definition: its stored label
 * exists; resolved where the resolution asks it and the definition is required; the agreement floor
 * in the same float arithmetic; the answered versions among the allowed ones; the value's key among
 * the filter's. Then the adjudicated or automatic sources, the batches and the flags.
 */
export function storedFilterParts(
  prepared: TPreparedFilter,
  params: unknown[],
): { conditions: string; params: unknown[]; stratum: string } {
  const { filter, definitions, stratifyBy } = prepared;
  const param = (value: unknown) => `$${params.push(value)}`;
  const resolution = filter.resolution ?? "resolved";
  const where: string[] = [];
  const adjudicated: string[] = [];
  const label = new Map<string, string>();
  for (const d of definitions) {
    const stored = `(s.labels -> ${param(d.id)}::text)`;
    label.set(d.key, stored);
    where.push(`${stored} IS NOT NULL`);
    if (resolution !== "any" && d.isRequired) where.push(`${stored} -> 'l' @> '{"isResolved": true}'`);
    if (filter.minItemAgreement !== undefined) {
      where.push(
        `(${stored} -> 'l' ->> 'agreement')::float8 + 1e-12::float8 >= ${param(filter.minItemAgreement)}::float8`,
      );
    }
    adjudicated.push(`${stored} -> 'l' @> '{"source": "adjudication"}'`);
  }
  const anyAdjudicated = adjudicated.length > 0 ? `(${adjudicated.join(" OR ")})` : "false";
  if (resolution === "automatic") where.push(`NOT ${anyAdjudicated}`);
  if (resolution === "adjudicated") where.push(anyAdjudicated);
  for (const [key, versions] of Object.entries(filter.definitionVersions ?? {})) {
    where.push(`${label.get(key)!} -> 'v' <@ ${param(JSON.stringify(versions))}::jsonb`);
  }
  for (const [key, values] of Object.entries(filter.labels ?? {})) {
    const d = definitions.find((x) => x.key === key)!;
    const stored = label.get(key)!;
    where.push(`${stored} -> 'l' @> '{"isResolved": true}'`);
    where.push(`${stored} ->> 'k' = ANY(${param(values.map((v) => valueKey(d.spec, v)))}::text[])`);
  }
  if (filter.batches) {
    where.push(
      `EXISTS (SELECT 1 FROM items i WHERE i.id = s.item_id AND i.batch_id = ANY(${param(filter.batches)}::uuid[]))`,
    );
  }
  if (filter.flagged !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM item_flags f WHERE f.item_id = s.item_id) = ${param(filter.flagged)}::boolean`,
    );
  }
  const stratum = stratifyBy ? `${label.get(stratifyBy.key)!} ->> 'k'` : "NULL";
  // Each part is true or false for a fresh row's labels (never NULL), so NOT of the whole is exact.
  return {
    conditions: where.length > 0 ? `(${where.map((w) => `coalesce(${w}, false)`).join(" AND ")})` : "true",
    params,
    stratum,
  };
}
