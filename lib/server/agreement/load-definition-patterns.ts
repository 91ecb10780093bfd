import "server-only";
import { getPool } from "@/lib/db";
import { withTransaction } from "@/lib/server/db/with-transaction";
import {
  canonicalValue,
  dictionaryFor,
  setKeyFromMask,
  valueIndex,
  type TValueDictionary,
} from "@/lib/agreement/label-values";
import { PatternTableBuilder, sortPatterns } from "@/lib/agreement/pattern-table";
import type { TPatternGroups } from "@/lib/agreement/report-patterns";
import type { TBatchInfo } from "./load-batches";
import type { TDefinitionWithVersions } from "./load-definitions";
import { countsEncoding, patternQuery, type TBatchMapping, type TPatternEncoding } from "./pattern-sql";

type TRow = [number | null, number, Date, number | null, number, ...(string | string[])[]];
type TUnitRow = {
  pattern: number;
  version: number | null;
  week: string;
  batch: string | null;
  items: number;
};

/**
 * Reads one definition's current annotations aggregated by SQL into item patterns, never row by
 * row: raw SQL on this hot path because a million annotations must be counted inside PostgreSQL
 * (see pattern-sql.ts), and the annotators are counted by a second query on another connection
 * meanwhile. Not for spans (see load-span-annotations.ts).
 */
export async function loadDefinitionPatterns(
  definition: TDefinitionWithVersions,
  batches: { batches: TBatchInfo[]; mapping: TBatchMapping },
): Promise<TPatternGroups> {
  const specs = definition.versions.map((v) => v.spec);
  const dict = dictionaryFor(definition.kind, specs);
  const annotators = loadAnnotators(definition.id);
  const present = await loadVersionsPresent(definition.id);
  const onlyVersion = present.length === 1 ? present[0] : null;
  const multiVersion = onlyVersion === null;
  let encoding: TPatternEncoding =
    dict.scalarTexts !== null
      ? countsEncoding(dict.scalarTexts)
      : definition.kind === "multi_choice"
        ? { kind: "sets", options: dict.options.map((o) => o.key) }
        : { kind: "texts" };
  let units = await queryUnits(definition.id, encoding, onlyVersion, batches, dict);
  if (units === null) {
    // A value no spec lists, or more ratings of one value on one item than the code has room for.
    encoding = { kind: "texts" };
    units = (await queryUnits(definition.id, encoding, onlyVersion, batches, dict))!;
  }
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
    annotators: await annotators,
  };
}

async function queryUnits(
  definitionId: string,
  encoding: TPatternEncoding,
  onlyVersion: number | null,
  batches: { batches: TBatchInfo[]; mapping: TBatchMapping },
  dict: TValueDictionary,
): Promise<{ builder: PatternTableBuilder; rows: TUnitRow[] } | null> {
  const query = patternQuery({ definitionId, encoding, onlyVersion, batches: batches.mapping });
  const rows = await withTransaction(async (client) => {
    // One hash table holds every item of the definition: give it room (the default 4 MB spills a
    // million annotations to disk), and skip JIT compilation, which costs more than it saves here.
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query("SET LOCAL jit = off");
    return (await client.query<TRow>({ text: query.text, values: query.params, rowMode: "array" })).rows;
  });
  const builder = new PatternTableBuilder(dict.values);
  const patternOfKey = new Map<string, number>();
  const out: TUnitRow[] = [];
  for (const [version, n, week, batch, items, ...keys] of rows) {
    const cacheKey = keys.map((k) => (Array.isArray(k) ? k.join("\u0000") : k)).join("|");
    let pattern = patternOfKey.get(cacheKey);
    if (pattern === undefined) {
      const entries = decodeKey(encoding, keys, n, dict);
      if (entries === null) return null;
      pattern = builder.add(entries);
      patternOfKey.set(cacheKey, pattern);
    }
    out.push({
      pattern,
      version,
      week: week.toISOString().slice(0, 10),
      batch: batch ? (batches.batches[batch - 1]?.id ?? null) : null,
      items,
    });
  }
  return { builder, rows: out };
}

/** The (value index, count) entries of an item's key, or null when the encoding could not hold them exactly. */
function decodeKey(
  encoding: TPatternEncoding,
  keys: (string | string[])[],
  n: number,
  dict: TValueDictionary,
): [number, number][] | null {
  const counts = new Map<number, number>();
  const add = (index: number) => counts.set(index, (counts.get(index) ?? 0) + 1);
  if (encoding.kind === "counts") {
    const mask = (BigInt(1) << BigInt(encoding.bits)) - BigInt(1);
    let total = 0;
    for (let col = 0; col < encoding.columns; col++) {
      let code = BigInt(keys[col] as string);
      for (let slot = 0; slot < encoding.perColumn && code > 0; slot++, code >>= BigInt(encoding.bits)) {
        const c = Number(code & mask);
        if (c === 0) continue;
        const i = col * encoding.perColumn + slot;
        if (i >= encoding.texts.length) return null;
        counts.set(i, c);
        total += c;
      }
    }
    return total === n ? [...counts] : null;
  }
  const parts = keys[0] as string[];
  for (const part of parts) {
    if (encoding.kind === "sets") {
      const mask = BigInt(part);
      if (mask < 0) return null;
      add(valueIndex(dict, setKeyFromMask(dict, mask)));
    } else {
      const value = canonicalValue(dict, JSON.parse(part));
      if (value !== null) add(valueIndex(dict, value));
    }
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

/** Who labelled, per version: on its own connection, concurrently with the pattern query. */
async function loadAnnotators(definitionId: string): Promise<Map<number, Set<string>>> {
  const { rows } = await getPool().query<[number, string]>({
    text: `SELECT definition_version, user_id::text FROM annotations
            WHERE definition_id = $1 AND is_current AND value IS NOT NULL GROUP BY 1, 2`,
    values: [definitionId],
    rowMode: "array",
  });
  const out = new Map<number, Set<string>>();
  for (const [version, user] of rows) {
    if (!out.has(version)) out.set(version, new Set());
    out.get(version)!.add(user);
  }
  return out;
}
