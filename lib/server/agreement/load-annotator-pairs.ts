import "server-only";
import { getPool } from "@/lib/db";
import { foldInBackground } from "./compact-pattern-deltas";

export type TAnnotatorPairRows = {
  /** [annotator a, annotator b (a < b), a's value, b's value, items] */
  pairs: [string, string, string, string, number][];
  /** [annotator, labels, items labeled along with someone else] */
  users: [string, number, number][];
};

/** A pair row's key: annotator a, annotator b (null on an annotator's own rows), value a, value b. */
type TKey = [string, string | null, string | null, string | null];
/** [key, items] */
type TTotal = [TKey, number];
/**
 * One definition version's folded totals as of the largest fold id (`generation`) among them, by key.
 * The Map is never changed once stored: a newer read stores a new one, so a request still summing
 * an older one is not disturbed.
 */
type TMemo = { generation: bigint; totals: Map<string, TTotal> };

/** Totals kept over all definitions and versions (about 200 bytes each): past it, the least recently read go. */
const MAX_KEPT_TOTALS = 500_000;
const globalForMemo = globalThis as unknown as { concordPairTotals?: Map<string, TMemo> };
const memos = (globalForMemo.concordPairTotals ??= new Map<string, TMemo>());

/** For tests: forget the totals kept in memory. */
export function forgetPairTotals(): void {
  memos.clear();
}

/**
 * In one statement (one snapshot): the definition's ($1) folded totals of one version ($2, 0 for all)
 * written by a fold after `generation` ($3; -1: all of them), and the log since the last fold,
 * summed by key (docs/decisions/038-pair-totals.md). A fold moves rows from the log to the totals in
 * one statement, so a snapshot counts each row once.
 */
const PAIR_ROWS_SQL = `SELECT true, user_a::text, user_b::text, value_a, value_b, items, generation::text
                         FROM agreement_pair_totals
                        WHERE definition_id = $1 AND definition_version = $2 AND generation > $3::bigint
                       UNION ALL
                       SELECT false, user_a::text, user_b::text, value_a, value_b, sum(items)::int, NULL
                         FROM agreement_pair_deltas
                        WHERE definition_id = $1 AND definition_version = $2
                        GROUP BY user_a, user_b, value_a, value_b`;
type TRow = [boolean, string, string | null, string | null, string | null, number, string | null];

const keyOf = (k: TKey) => k.map((part) => part ?? "\u0001").join("\u0000");

/**
 * Who agreed with whom on a (non-span) definition: for every pair of annotators and pair of values
 * (as JSON text), the number of items where one gave the first and the other the second; and per
 * annotator, their labels and how many of their items someone else labeled too (one label per
 * annotator and item, their latest, as currentLabelsSql reads them). Read from the
 * rollups the database keeps (prisma/functions/agreement-pairs.sql, docs/decisions/029-review-states.md),
 * brought up to date by the request's flush (docs/decisions/034-deferred-agreement-refresh.md): the
 * folded totals and the log since the last fold, not a self-join of annotations.
 *
 * The totals (12,000 rows of a definition at 1,000,000 items, 200 annotators) are kept in memory and
 * only the rows a fold wrote since are read again (ADR 038, "Later"): between folds a read brings the
 * log alone, a few hundred rows.
 */
export async function loadAnnotatorPairs(
  definitionId: string,
  version: number | null,
): Promise<TAnnotatorPairRows> {
  const memoKey = `${definitionId}:${version ?? 0}`;
  const known = memos.get(memoKey);
  if (known) {
    memos.delete(memoKey);
    memos.set(memoKey, known);
  }
  const { rows } = await getPool().query<TRow>({
    text: PAIR_ROWS_SQL,
    values: [definitionId, version ?? 0, known ? known.generation.toString() : "-1"],
    rowMode: "array",
  });
  // Then the log is folded if it grew, in the background (the sums are the same before and after).
  foldInBackground(definitionId, "pairs");
  let memo = known ?? { generation: -1n, totals: new Map<string, TTotal>() };
  const log = new Map<string, TTotal>();
  const written: TRow[] = [];
  for (const row of rows) {
    if (row[0]) written.push(row);
    else {
      const key: TKey = [row[1], row[2], row[3], row[4]];
      log.set(keyOf(key), [key, row[5]]);
    }
  }
  if (written.length > 0 || !known) {
    const totals = new Map(memo.totals);
    let generation = memo.generation;
    for (const [, a, b, va, vb, items, writtenBy] of written) {
      const key: TKey = [a, b, va, vb];
      totals.set(keyOf(key), [key, items]);
      if (BigInt(writtenBy!) > generation) generation = BigInt(writtenBy!);
    }
    memo = { generation, totals };
    remember(memoKey, memo);
  }
  return sumRows(memo.totals, log);
}

/** Keeps the newest totals of a definition version: a slower, older read never replaces a newer one. */
function remember(key: string, memo: TMemo): void {
  const stored = memos.get(key);
  if (stored && stored.generation > memo.generation) return;
  memos.delete(key);
  memos.set(key, memo);
  let kept = 0;
  for (const m of memos.values()) kept += m.totals.size;
  for (const [oldest, m] of memos) {
    if (kept <= MAX_KEPT_TOTALS || oldest === key) break;
    memos.delete(oldest);
    kept -= m.totals.size;
  }
}

/** The totals plus the log, by key, zeros left out: pairs, and each annotator's labels and shared items. */
function sumRows(totals: ReadonlyMap<string, TTotal>, log: ReadonlyMap<string, TTotal>): TAnnotatorPairRows {
  const pairs: TAnnotatorPairRows["pairs"] = [];
  const users = new Map<string, [string, number, number]>();
  const add = ([a, b, va, vb]: TKey, items: number) => {
    if (items === 0) return;
    if (b !== null) {
      pairs.push([a, b, va!, vb!, items]);
      return;
    }
    if (!users.has(a)) users.set(a, [a, 0, 0]);
    const user = users.get(a)!;
    if (va === "labels") user[1] += items;
    else if (va === "shared") user[2] += items;
  };
  for (const [key, [k, items]] of totals) add(k, items + (log.get(key)?.[1] ?? 0));
  for (const [key, [k, items]] of log) if (!totals.has(key)) add(k, items);
  return { pairs, users: [...users.values()].filter(([, labels]) => labels > 0) };
}
