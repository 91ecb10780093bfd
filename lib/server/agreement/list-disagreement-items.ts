import "server-only";
import { itemPreview } from "@/lib/items/item-preview";
import { getPool } from "@/lib/db";

export type TItemLabels = {
  itemId: string;
  externalId: string | null;
  preview: string;
  data: Record<string, unknown>;
  /** [annotator user id, value as JSON text], in annotator order. */
  labels: [string, string][];
};

/**
 * The items of a (non-span) definition whose annotators disagree most: the lowest share of
 * agreeing annotator pairs (ratings: the largest mean squared difference between annotators),
 * then the most annotators, then the item id. Ranked over the definition's distinct patterns (the
 * rollups of docs/decisions/020-agreement-rollups.md: thousands, however many items); the worst
 * patterns' items come by index (agreement_item_patterns_pattern_idx), and only the winners' labels are read.
 */
export async function listDisagreementItems(
  definitionId: string,
  version: number | null,
  kind: string,
  limit = 20,
): Promise<TItemLabels[]> {
  const pool = getPool();
  const { rows } = await pool.query<{ pattern: unknown[]; ratings: number }>(
    `SELECT pattern, ratings FROM agreement_pattern_deltas
      WHERE definition_id = $1 AND definition_version = $2 AND ratings >= 2
      GROUP BY pattern, ratings HAVING sum(items) > 0`,
    [definitionId, version ?? 0],
  );
  // Each group's items come with their labels in the same statement: one round trip for the
  // usual case where the worst group fills the list.
  const out: TItemLabels[] = [];
  for (const group of rankPatterns(rows, kind)) {
    const { rows: labelled } = await pool.query<TLabelRow>({
      text: `WITH picked AS (
               SELECT t.item_id FROM unnest($3::jsonb[]) p(pattern)
                 CROSS JOIN LATERAL (
                   SELECT item_id FROM agreement_item_patterns
                    WHERE definition_id = $1 AND definition_version = $2 AND pattern = p.pattern
                    ORDER BY item_id LIMIT $4) t
                ORDER BY t.item_id LIMIT $4)
             ${labelsSql("$5")}
              WHERE i.id IN (SELECT item_id FROM picked)
              ORDER BY i.id, a.user_id`,
      values: [definitionId, version ?? 0, group.map((p) => JSON.stringify(p)), limit - out.length, version],
      rowMode: "array",
    });
    const items = groupLabels(labelled);
    out.push(...items.values());
    if (out.length >= limit) break;
  }
  return out;
}

type TLabelRow = [string, string | null, Record<string, unknown>, string | null, string | null];

/** An item's current labels of the definition ($1), one version (the parameter `version`) or all (null). */
const labelsSql = (
  version: string,
) => `SELECT i.id::text, i.external_id, i.data, a.user_id::text, a.value::text
               FROM items i LEFT JOIN annotations a
                 ON a.item_id = i.id AND a.definition_id = $1 AND a.is_current AND a.value IS NOT NULL
                AND (${version}::int IS NULL OR a.definition_version = ${version})`;

/** Rows of labelsSql (ordered by item) as items with their labels, in that order. */
function groupLabels(rows: TLabelRow[]): Map<string, TItemLabels> {
  const byId = new Map<string, TItemLabels>();
  for (const [itemId, externalId, data, user, value] of rows) {
    if (!byId.has(itemId))
      byId.set(itemId, { itemId, externalId, preview: previewOf(data), data, labels: [] });
    if (user !== null && value !== null) byId.get(itemId)!.labels.push([user, value]);
  }
  return byId;
}

/**
 * Patterns (an item's values, two or more) grouped by how they rank, worst first: by the share of
 * agreeing pairs (ratings: the mean squared difference, largest first), then by more annotators.
 * The arithmetic is the one SQL did per item before, in float8, so ties fall as they did.
 */
export function rankPatterns(
  rows: readonly { pattern: unknown[]; ratings: number }[],
  kind: string,
): unknown[][][] {
  const scored = rows.map(({ pattern, ratings: n }) => {
    let score: number;
    if (kind === "rating") {
      const numbers = pattern.map(Number);
      const sum = numbers.reduce((a, b) => a + b, 0);
      const squares = numbers.reduce((a, b) => a + b ** 2, 0);
      // Largest first: ranked by its negation.
      score = -((n * squares - sum ** 2) / (n * (n - 1)));
    } else {
      const counts = new Map<string, number>();
      for (const value of pattern) {
        const key = JSON.stringify(value);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let agreeing = 0;
      for (const c of counts.values()) agreeing += c * (c - 1);
      score = agreeing / (n * (n - 1));
    }
    return { pattern, n, score };
  });
  scored.sort((a, b) => a.score - b.score || b.n - a.n);
  const groups: unknown[][][] = [];
  scored.forEach((p, i) => {
    const previous = scored[i - 1];
    if (previous && previous.score === p.score && previous.n === p.n)
      groups[groups.length - 1].push(p.pattern);
    else groups.push([p.pattern]);
  });
  return groups;
}

/** Items with every current label of the definition (one version, or all), in the order of `ids`. */
export async function itemLabels(
  definitionId: string,
  version: number | null,
  ids: string[],
): Promise<TItemLabels[]> {
  if (ids.length === 0) return [];
  const { rows } = await getPool().query<TLabelRow>({
    text: `${labelsSql("$2")}
            WHERE i.id = ANY($3::int8[])
            ORDER BY i.id, a.user_id`,
    values: [definitionId, version, ids],
    rowMode: "array",
  });
  const byId = groupLabels(rows);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function previewOf(data: Record<string, unknown>): string {
  return itemPreview(data, { max: 240 });
}
