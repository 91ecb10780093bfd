import "server-only";
import { countedAnnotations, type TCampaignMark } from "@/lib/campaigns/counted-annotations";
import type { TDefinitionContext } from "./load-label-context";

// What each item's annotations answer, per definition: from the annotation rows (campaigns, snapshots)
// or from one summary row per item and definition (scan-final-labels.ts chooses).

export type TAnnotationRow = TCampaignMark & {
  item_id: string;
  user_id: string;
  definition_id: string;
  definition_version: number;
  /** The jsonb value as text: a page holds few distinct values, each parsed once (JSON.parse, as pg would). */
  value: string | null;
};

export type TItemAnswers = {
  /** Definition id -> the counted values' texts in the order they were made, and the versions they answered (sorted). */
  byDefinition: Map<string, { texts: (string | null)[]; versions: number[] }>;
  count: number;
  /** The counted annotations, for the snapshot (empty from the summary). */
  own: TAnnotationRow[];
};
export const NO_ANSWERS: TItemAnswers = { byDefinition: new Map(), count: 0, own: [] };
export const NO_VALUES = { texts: [], versions: [] };

/**
 * Per item, the annotations that count for each definition (a finished campaign's relabels replace
 * the rest), in the order they were made, which the frozen snapshot keeps. Without campaigns, all
 * of the given definitions' annotations.
 */
export function rowAnswers(
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

export type TSummaryRow = {
  item_id: string;
  definition_id: string;
  texts: string;
  versions: number[];
  n: number;
};

// Separates the value texts of one item and definition: jsonb's text escapes every control character.
const SEPARATOR = "\u0001";
export const summarySql = (items: string) => `SELECT item_id, definition_id,
        string_agg(coalesce(value::text, 'null'), E'\\x01' ORDER BY created_at, id) AS texts,
        array_agg(DISTINCT definition_version) AS versions, count(*)::int AS n
   FROM annotations
  WHERE ${items} AND project_id = $2 AND is_current
  GROUP BY item_id, definition_id`;

/** rowAnswers' result from the summary rows (no campaigns: every current annotation counts). */
export function summaryAnswers(
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

export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return groups;
}
