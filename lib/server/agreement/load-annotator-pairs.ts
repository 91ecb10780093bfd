import "server-only";
import { getPool } from "@/lib/db";
import { foldInBackground } from "./compact-pattern-deltas";
import {
  keepPairTotals,
  keptPairTotals,
  pairKeyOf,
  type TPairKey,
  type TPairTotal,
} from "./pair-totals-memo";

export type TAnnotatorPairRows = {
  /** [annotator a, annotator b (a < b), a's value, b's value, items] */
  pairs: [string, string, string, string, number][];
  /** [annotator, labels, items labeled along with someone else] */
  users: [string, number, number][];
};

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
  const known = keptPairTotals(definitionId, version ?? 0);
  const { rows } = await getPool().query<TRow>({
    text: PAIR_ROWS_SQL,
    values: [definitionId, version ?? 0, known ? known.generation.toString() : "-1"],
    rowMode: "array",
  });
  // Then the log is folded if it grew, in the background (the sums are the same before and after).
  foldInBackground(definitionId, "pairs");
  const log = new Map<string, TPairTotal>();
  const written: TPairTotal[] = [];
  let generation = known?.generation ?? -1n;
  for (const [folded, a, b, va, vb, items, writtenBy] of rows) {
    const key: TPairKey = [a, b, va, vb];
    if (!folded) log.set(pairKeyOf(key), [key, items]);
    else {
      written.push([key, items]);
      if (BigInt(writtenBy!) > generation) generation = BigInt(writtenBy!);
    }
  }
  const totals =
    written.length > 0 || !known
      ? keepPairTotals(definitionId, version ?? 0, known, written, generation)
      : known;
  return sumRows(totals.totals, log);
}

/** The totals plus the log, by key, zeros left out: pairs, and each annotator's labels and shared items. */
function sumRows(
  totals: ReadonlyMap<string, TPairTotal>,
  log: ReadonlyMap<string, TPairTotal>,
): TAnnotatorPairRows {
  const pairs: TAnnotatorPairRows["pairs"] = [];
  const users = new Map<string, [string, number, number]>();
  const add = ([a, b, va, vb]: TPairKey, items: number) => {
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
