import "server-only";
import type { PoolClient } from "pg";
import { canonicalJson } from "@/lib/label-definitions/canonical-json";
import { samplePriority, sampleIndexes } from "@/lib/eval-sets/sampling";
import {
  codeLabeled,
  EntryWriter,
  idNumber,
  merged,
  mergeRuns,
  type TEntry,
  type TIncoming,
  type TRun,
} from "./candidate-entry";
import type { TPreparedFilter } from "./prepare-filter";
import {
  labeledCandidates,
  labeledFrom,
  staleCandidatePages,
  storedCandidates,
  storedFilterParts,
  storedLabelsSql,
  unlabeledCandidates,
  type TLabeledItem,
} from "./stored-candidates";

/** What a preview or a freeze takes from the candidates. */
export type TTakenCandidates = {
  candidates: number;
  /** The ids the set takes (its sample, or every candidate), ascending. */
  taken: Float64Array;
  /**
   * Their labels, when the cache keeps them (null: read them from the stored states): the k-th taken
   * item's are `list[of[k]]`, each distinct set of labels one object.
   */
  labels: { list: TLabeledItem[]; of: Uint32Array } | null;
};

// At most this many 8-byte numbers held over all entries (about 32 MB): an id and its priority per
// cached seed count one each, its label and stratum indexes half each.
const MAX_HELD_IDS = 4_000_000;
// Seeds whose priorities an entry keeps (a lead tries a few seeds for one filter).
const MAX_SEEDS = 2;
// More changed rows than this since an entry's snapshot: filtering the project again is as cheap.
const MAX_DELTA_ROWS = 200_000;
// Kinds whose final labels take few distinct values, so that an entry keeps each distinct set of
// labels once. Spans, free text, rankings and rubrics give nearly every item its own.
const FEW_LABELS = new Set(["single_choice", "multi_choice", "rating", "pairwise"]);
// Distinct sets of labels past which an entry keeps none (the statistics then read stored states).
const MAX_LABEL_SETS = 20_000;

const entries = new Map<string, TEntry>();
/** How the entries were made since the process began: read whole, or brought up to date. */
const counts = { builds: 0, updates: 0 };

let labelsKept = true;

/**
 * Forgets every cached candidate set (tests compare with a fresh computation); `keepLabels: false`
 * makes new entries keep no labels whatever the kinds, as for spans or free text.
 */
export function clearCandidateCache(options: { keepLabels?: boolean } = {}): void {
  entries.clear();
  labelsKept = options.keepLabels ?? true;
}

/** How many times a filter's candidates were read whole, and brought up to date (for tests). */
export function candidateCacheCounts(): { builds: number; updates: number } {
  return { ...counts };
}

/**
 * The items a filter matches in this transaction's snapshot and the ids the set takes (its sample,
 * or all of them), ascending by id. `client` must be inside a REPEATABLE READ transaction, so that
 * every statement reads one snapshot. The first call for a filter reads every candidate; later ones
 * read only the review states written since the cached snapshot (their transaction id at or above
 * its xmin) and update the cached ids, unless items, batches or (for a filter by flags) flags changed
 * meanwhile, which reads them all again.
 */
export async function takeCandidates(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
): Promise<TTakenCandidates> {
  const key = entryKey(projectId, prepared);
  const cached = entries.get(key) ?? null;
  const sources = prepared.filter.flagged !== undefined ? ["items", "flags"] : ["items"];
  const { rows } = await client.query<{ xmin: string; isolation: string; moved: boolean | null }>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
            current_setting('transaction_isolation') AS isolation,
            CASE WHEN $2::bigint IS NOT NULL THEN EXISTS (
              SELECT 1 FROM eval_candidate_changes
               WHERE project_id = $1 AND changed_xid >= $2::bigint AND source = ANY($3::text[])) END AS moved`,
    [projectId, cached ? cached.xmin.toString() : null, sources],
  );
  const [{ xmin: xminText, isolation, moved }] = rows;
  if (isolation !== "repeatable read" && isolation !== "serializable")
    throw new Error("takeCandidates needs a REPEATABLE READ transaction");
  const xmin = BigInt(xminText);
  let entry: TEntry | null = null;
  if (cached && moved === false && cached.xmin <= xmin)
    entry = await updated(client, projectId, prepared, cached, xmin);
  if (entry) counts.updates++;
  else {
    entry = await built(client, projectId, prepared, key, xmin);
    counts.builds++;
  }
  keep(entry);
  const indexes = taken(entry, prepared);
  const labels = entry.labels;
  return {
    candidates: entry.ids.length,
    taken: Float64Array.from(indexes, (i) => entry.ids[i]),
    labels: labels ? { list: labels.list, of: Uint32Array.from(indexes, (i) => labels.of[i]) } : null,
  };
}

function entryKey(projectId: string, prepared: TPreparedFilter): string {
  const { sample, ...matching } = prepared.filter;
  // Whatever the filter's answer depends on besides the rows: the definitions as prepared (a rule or
  // a new version also marks every state stale; this keeps an entry from outliving them anyway).
  return canonicalJson({
    projectId,
    filter: matching,
    stratifyBy: sample?.stratifyBy ?? null,
    definitions: prepared.all.map((d) => [d.id, d.currentVersion, d.isRequired, d.rule, d.spec]),
  });
}

/** Whether an entry for this filter keeps the candidates' labels (their kinds have few distinct ones). */
function keepsLabels(prepared: TPreparedFilter): boolean {
  return labelsKept && prepared.definitions.every((d) => FEW_LABELS.has(d.kind));
}

async function built(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
  key: string,
  xmin: bigint,
): Promise<TEntry> {
  if (keepsLabels(prepared)) {
    const entry = await builtWithLabels(client, projectId, prepared, key, xmin);
    if (entry) return entry;
  }
  const { candidates } = await storedCandidates(client, projectId, prepared, { ordered: true });
  const writer = new EntryWriter(prepared, false);
  writer.start(candidates.length);
  for (const c of candidates) {
    const id = idNumber(c.itemId);
    writer.push(id, ...writer.indexes({ id, stratum: c.stratum }));
  }
  return writer.entry(key, xmin, new Map());
}

/**
 * Every candidate with its labels: fresh states grouped by their stored labels (each group's ids in
 * order), stale ones labeled by the rule's code, unlabeled items; merged by id. Null when the label
 * sets are too many to keep.
 */
async function builtWithLabels(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
  key: string,
  xmin: bigint,
): Promise<TEntry | null> {
  const { conditions, params, stratum } = storedFilterParts(prepared, [projectId]);
  const labelsSql = storedLabelsSql(prepared.definitions, params);
  const { rows } = await client.query<{ labels: string; stratum: string | null; ids: string }>(
    // Unordered: each group's ids are sorted in Node (numbers, natively), not by PostgreSQL.
    `SELECT labels, stratum, string_agg(item_id::text, ',') AS ids
       FROM (SELECT s.item_id, ${labelsSql} AS labels, ${stratum} AS stratum FROM review_states s
              WHERE s.project_id = $1 AND NOT s.is_stale AND ${conditions}) c
      GROUP BY labels, stratum`,
    params,
  );
  if (rows.length > MAX_LABEL_SETS) return null;
  // Ascending runs to merge, each with its stratum and labels (one for the whole run, or one per id):
  // a run per group, the stale ones, the unlabeled ones. Stale ones are kept as numbers a page at a
  // time (after an import every row is stale).
  const writer = new EntryWriter(prepared, true);
  const runs: TRun[] = rows.map((row) => {
    const [s, l] = writer.indexes({
      id: 0,
      stratum: row.stratum ?? undefined,
      labelsKey: `stored:${row.labels}`,
      parse: () => labeledFrom(prepared.definitions, row.labels),
    });
    return { ids: Float64Array.from(row.ids.split(","), idNumber).sort(), stratum: s, labels: l };
  });
  const staleRun = { ids: [] as number[], stratum: [] as number[], labels: [] as number[] };
  for await (const page of staleCandidatePages(client, projectId, prepared)) {
    for (const c of page) {
      const [s, l] = writer.indexes(codeLabeled(c));
      staleRun.ids.push(idNumber(c.itemId));
      staleRun.stratum.push(s);
      staleRun.labels.push(l);
    }
  }
  runs.push(staleRun);
  const unlabeled = await unlabeledCandidates(client, projectId, prepared);
  const [s, l] = writer.indexes({ id: 0, stratum: unlabeled.stratum, labels: unlabeled.unlabeled });
  runs.push({ ids: unlabeled.ids.map(idNumber), stratum: s, labels: l });
  writer.start(runs.reduce((n, run) => n + run.ids.length, 0));
  const at = (value: number | number[], i: number) => (typeof value === "number" ? value : value[i]);
  mergeRuns(runs, (run, i) => writer.push(run.ids[i], at(run.stratum, i), at(run.labels, i)));
  return writer.entry(key, xmin, new Map());
}

/**
 * The entry brought from its snapshot to this one: every review state written since (a transaction id
 * at or above the entry's xmin) is taken out and put back if it matches now (fresh ones by the SQL
 * filter, stale ones labeled by the rule's code); items without a state cannot have changed, as items,
 * batches and flags did not move (checked by the caller).
 */
async function updated(
  client: PoolClient,
  projectId: string,
  prepared: TPreparedFilter,
  entry: TEntry,
  xmin: bigint,
): Promise<TEntry | null> {
  const { conditions, params, stratum } = storedFilterParts(prepared, [projectId, entry.xmin.toString()]);
  const labelsSql = entry.labels ? storedLabelsSql(prepared.definitions, params) : "NULL";
  const { rows } = await client.query<{
    id: string;
    is_stale: boolean;
    matched: boolean;
    stratum: string | null;
    labels: string | null;
  }>(
    `SELECT s.item_id::text AS id, s.is_stale, NOT s.is_stale AND ${conditions} AS matched,
            ${stratum} AS stratum, ${labelsSql} AS labels
       FROM review_states s WHERE s.project_id = $1 AND s.changed_xid >= $2::bigint
      LIMIT ${MAX_DELTA_ROWS + 1}`,
    params,
  );
  if (rows.length > MAX_DELTA_ROWS) return null;
  if (rows.length === 0) return { ...entry, xmin };
  const changed = new Set<number>();
  const added: TIncoming[] = [];
  const stale: string[] = [];
  for (const row of rows) {
    const id = idNumber(row.id);
    changed.add(id);
    if (row.is_stale) stale.push(row.id);
    else if (row.matched)
      added.push({
        id,
        stratum: row.stratum ?? undefined,
        labelsKey: row.labels === null ? undefined : `stored:${row.labels}`,
        parse: () => labeledFrom(prepared.definitions, row.labels!),
      });
  }
  stale.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const c of await labeledCandidates(client, projectId, prepared, stale)) added.push(codeLabeled(c));
  // An item whose first state was written was an unlabeled candidate: it is taken out and judged here.
  return merged(prepared, entry, xmin, changed, added, MAX_LABEL_SETS);
}

/** The indexes of the ids the set takes, ascending: its sample, or every candidate. */
function taken(entry: TEntry, prepared: TPreparedFilter): Uint32Array {
  const { sample } = prepared.filter;
  if (!sample) return Uint32Array.from(entry.ids, (_, i) => i);
  const seed = String(sample.seed);
  let priorities = entry.priorities.get(seed);
  if (!priorities) {
    priorities = new Float64Array(entry.ids.length);
    for (let i = 0; i < entry.ids.length; i++) priorities[i] = samplePriority(seed, String(entry.ids[i]));
    if (entry.priorities.size >= MAX_SEEDS) entry.priorities.delete(entry.priorities.keys().next().value!);
    entry.priorities.set(seed, priorities);
  }
  const memoKey = `${seed}:${sample.size}`;
  const memo = entry.thresholds.get(memoKey) ?? {};
  entry.thresholds.set(memoKey, memo);
  return sampleIndexes(entry.ids, priorities, sample.size, entry.strata, memo);
}

/** Keeps the newest entry for its key, most recently used last; drops the oldest past the bound. */
function keep(entry: TEntry): void {
  const current = entries.get(entry.key);
  if (current && current.xmin > entry.xmin) return;
  entries.delete(entry.key);
  entries.set(entry.key, entry);
  const size = (e: TEntry) =>
    e.ids.length * (1 + e.priorities.size + (e.labels ? 0.5 : 0) + (e.strata ? 0.5 : 0));
  let held = 0;
  for (const e of entries.values()) held += size(e);
  for (const [key, e] of entries) {
    if (held <= MAX_HELD_IDS || e === entry) break;
    held -= size(e);
    entries.delete(key);
  }
}
