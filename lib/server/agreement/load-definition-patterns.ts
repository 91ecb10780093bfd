import "server-only";
import { getPool } from "@/lib/db";
import {
  canonicalValue,
  dictionaryFor,
  valueIndex,
  type TValueDictionary,
} from "@/lib/agreement/label-values";
import { PatternTableBuilder, sortPatterns } from "@/lib/agreement/pattern-table";
import type { TPatternGroups } from "@/lib/agreement/report-patterns";
import { foldInBackground } from "./compact-pattern-deltas";
import { loadAnnotators } from "./load-annotators";
import type { TBatchInfo } from "./load-batches";
import type { TDefinitionWithVersions } from "./load-definitions";

type TRow = [number, number, Date, string | null, number, unknown[]];
type TUnitRow = {
  pattern: number;
  version: number | null;
  week: string;
  batch: string | null;
  items: number;
};

/**
 * Reads one definition's item patterns from the rollups the database keeps up to date
 * (prisma/migrations/…_agreement_rollups, docs/decisions/020-agreement-rollups.md; since 034 a submit
 * queues its refresh and the request's flush, in loadStampedInputs, runs it before this reads):
 * thousands of (version, pattern, week, batch) counts however many annotations there are, and the
 * annotators from a table of a row per annotator. Raw SQL on this hot path. Not for spans.
 */
export async function loadDefinitionPatterns(
  definition: TDefinitionWithVersions,
  batches: { batches: TBatchInfo[] },
): Promise<TPatternGroups> {
  const specs = definition.versions.map((v) => v.spec);
  const dict = dictionaryFor(definition.kind, specs);
  // One round trip for all four: each one a reader waits for is a turn in line behind the labelers'
  // queries. The unit rows come for every version; which of them count depends on the versions present.
  const [annotators, present, unitRows] = await Promise.all([
    loadAnnotators(definition.id),
    loadVersionsPresent(definition.id),
    queryUnitRows(definition.id),
  ]);
  foldInBackground(definition.id);
  const onlyVersion = present.length === 1 ? present[0] : null;
  const multiVersion = onlyVersion === null;
  const units = decodeUnits(unitRows, onlyVersion, batches.batches, dict);
  // Canonical pattern order: the same data gives the same bootstrap interval, whatever order SQL used.
  const { table, patternMap } = sortPatterns(units.builder.build());
  const weights = () => new Float64Array(table.patternCount);
  const byVersion = new Map<number, Float64Array>();
  const all = weights();
  const byWeek = new Map<string, Float64Array>();
  const byBatch = new Map<string, Float64Array>(batches.batches.map((b) => [b.id, weights()]));
  // With one version, its items are all the items: one weight vector serves both (and is computed once).
  if (onlyVersion !== null) byVersion.set(onlyVersion, all);
  for (const row of units.rows) {
    if (multiVersion && row.version !== null) {
      if (!byVersion.has(row.version)) byVersion.set(row.version, weights());
      byVersion.get(row.version)![patternMap[row.pattern]] += row.items;
      continue;
    }
    const g = patternMap[row.pattern];
    all[g] += row.items;
    if (!byWeek.has(row.week)) byWeek.set(row.week, weights());
    byWeek.get(row.week)![g] += row.items;
    if (row.batch !== null) byBatch.get(row.batch)![g] += row.items;
  }
  for (const [id, w] of byBatch) if (w.every((x) => x === 0)) byBatch.delete(id);
  return {
    dict,
    table,
    versions: [...byVersion.keys()].sort((a, b) => a - b),
    byVersion,
    all,
    byWeek: new Map([...byWeek].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    byBatch,
    annotators,
  };
}

/**
 * The fold can run beside the read: it deletes and re-inserts a definition's rows in one statement,
 * so a read sees the log before it or after it, with the same sums either way.
 */
async function queryUnitRows(definitionId: string): Promise<TRow[]> {
  const { rows } = await getPool().query<TRow>({
    text: `SELECT definition_version, ratings, week, batch_id::text, sum(items)::int, pattern
             FROM agreement_pattern_deltas
            WHERE definition_id = $1
            GROUP BY definition_version, ratings, week, batch_id, pattern
           HAVING sum(items) <> 0`,
    values: [definitionId],
    rowMode: "array",
  });
  return rows;
}

function decodeUnits(
  rows: TRow[],
  onlyVersion: number | null,
  batches: TBatchInfo[],
  dict: TValueDictionary,
): { builder: PatternTableBuilder; rows: TUnitRow[] } {
  const batchIds = new Set(batches.map((b) => b.id));
  const builder = new PatternTableBuilder(dict.values);
  const patternOfKey = new Map<string, number>();
  const out: TUnitRow[] = [];
  for (const [version, , week, batch, items, values] of rows) {
    // Version 0 is every version together; with one version among the annotations it is that version.
    if (onlyVersion !== null && version !== 0) continue;
    const cacheKey = JSON.stringify(values);
    let pattern = patternOfKey.get(cacheKey);
    if (pattern === undefined) {
      pattern = builder.add(decodeValues(values, dict));
      patternOfKey.set(cacheKey, pattern);
    }
    out.push({
      pattern,
      version: onlyVersion ?? (version === 0 ? null : version),
      week: week.toISOString().slice(0, 10),
      batch: batch !== null && batchIds.has(batch) ? batch : null,
      items,
    });
  }
  return { builder, rows: out };
}

/** The (value index, count) entries of an item's values; values no spec can read are left out. */
function decodeValues(values: unknown[], dict: TValueDictionary): [number, number][] {
  const counts = new Map<number, number>();
  for (const raw of values) {
    const value = canonicalValue(dict, raw);
    if (value === null) continue;
    const index = valueIndex(dict, value);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return [...counts];
}

/** Versions among the definition's current annotations: a loose index scan, a few index probes. */
async function loadVersionsPresent(definitionId: string): Promise<number[]> {
  const { rows } = await getPool().query<{ v: number }>(
    `WITH RECURSIVE present AS (
       (SELECT definition_version AS v FROM annotations WHERE definition_id = $1 AND is_current ORDER BY 1 LIMIT 1)
       UNION ALL
       SELECT (SELECT a.definition_version FROM annotations a
                WHERE a.definition_id = $1 AND a.is_current AND a.definition_version > present.v
                ORDER BY 1 LIMIT 1)
         FROM present WHERE present.v IS NOT NULL)
     SELECT v FROM present WHERE v IS NOT NULL`,
    [definitionId],
  );
  return rows.map((r) => r.v);
}
