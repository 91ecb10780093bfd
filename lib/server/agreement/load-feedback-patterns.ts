import "server-only";
import { criteriaOf, type TFeedbackGroups, type TValuePattern } from "@/lib/agreement/report-feedback";
import { getPool } from "@/lib/db";
import { foldInBackground } from "./compact-pattern-deltas";
import { loadAnnotators } from "./load-annotators";
import type { TDefinitionWithVersions } from "./load-definitions";

type TRow = [number, unknown[], number];

/**
 * A ranking or rubric definition's item patterns (an item's current values, in the order of their
 * JSON text) and how many items have each, per version and over all versions (version 0), read from
 * the rollup the database keeps (ADR 020, 023, 034: brought up to date by the request's flush): a few thousand rows
 * however many rankings there are. Raw SQL on this hot path for the same reason as load-definition-patterns.ts.
 */
export async function loadFeedbackPatterns(definition: TDefinitionWithVersions): Promise<TFeedbackGroups> {
  const annotators = loadAnnotators(definition.id);
  const { rows } = await getPool().query<TRow>({
    text: `SELECT definition_version, pattern, sum(items)::int FROM agreement_pattern_deltas
            WHERE definition_id = $1
            GROUP BY definition_version, pattern
           HAVING sum(items) <> 0`,
    values: [definition.id],
    rowMode: "array",
  });
  foldInBackground(definition.id);
  const byVersion = new Map<number, TValuePattern[]>();
  const overAll: TValuePattern[] = [];
  for (const [version, values, items] of rows) {
    const pattern = { values, items };
    if (version === 0) overAll.push(pattern);
    else {
      if (!byVersion.has(version)) byVersion.set(version, []);
      byVersion.get(version)!.push(pattern);
    }
  }
  const versions = [...byVersion.keys()].sort((a, b) => a - b);
  // Canonical pattern order: the same data gives the same bootstrap interval, whatever order SQL used.
  const order = (list: TValuePattern[]) => list.sort((a, b) => compareKeys(a.values, b.values));
  for (const list of byVersion.values()) order(list);
  // With one version, its items are all the items: the same patterns serve both.
  const all = versions.length === 1 ? byVersion.get(versions[0])! : order(overAll);
  return {
    versions,
    byVersion,
    all,
    annotators: await annotators,
    criteria: criteriaOf(definition.versions.map((v) => v.spec)),
  };
}

function compareKeys(a: unknown[], b: unknown[]): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
