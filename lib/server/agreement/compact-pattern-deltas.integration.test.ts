import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { flushAgreement } from "@/lib/testing/flush-agreement";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { compactPatternDeltas, foldGrownPairLogs } from "./compact-pattern-deltas";
import { loadAnnotatorPairs } from "./load-annotator-pairs";
import { forgetPairTotals } from "./pair-totals-memo";

// The logs of rollup changes are folded (one row per key, the same sums) by a reader once they have
// doubled since the last fold; the pair log's sums go to a table of their own, leaving the log empty
// (docs/decisions/038-pair-totals.md). A fold must never change a sum.

afterAll(async () => {
  await disconnectDb();
});

const TABLES = { patterns: "agreement_pattern_deltas", pairs: "agreement_pair_deltas" } as const;
const TOTALS = { patterns: null, pairs: "agreement_pair_totals" } as const;
const KEYS = {
  patterns: "definition_id, definition_version, ratings, pattern, week, batch_id",
  pairs: "definition_id, definition_version, user_a, user_b, value_a, value_b",
} as const;

/** Every row counting toward a log's sums: the log's, and the pair log's folded totals. */
const allRows = (log: keyof typeof TABLES) =>
  TOTALS[log] === null
    ? TABLES[log]
    : `(SELECT ${KEYS[log]}, items FROM ${TABLES[log]} UNION ALL SELECT ${KEYS[log]}, items FROM ${TOTALS[log]}) r`;

async function sums(log: keyof typeof TABLES, definitionId: string): Promise<string[]> {
  const { rows } = await getPool().query(
    `SELECT ${KEYS[log]}, sum(items)::int AS items FROM ${allRows(log)} WHERE definition_id = $1
      GROUP BY ${KEYS[log]} HAVING sum(items) <> 0`,
    [definitionId],
  );
  return rows.map((r) => JSON.stringify(r)).sort();
}

const rowsOf = async (log: keyof typeof TABLES, definitionId: string) =>
  (
    await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${TABLES[log]} WHERE definition_id = $1`,
      [definitionId],
    )
  ).rows[0].n;

const totalRowsOf = async (definitionId: string) =>
  (
    await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM agreement_pair_totals WHERE definition_id = $1",
      [definitionId],
    )
  ).rows[0].n;

/**
 * Appends to the pair log: +1 to one folded total's key, minus another's whole total (its sum goes to
 * 0), and 5 to a key not folded yet (the first key's annotator paired with themself, values x and y).
 */
async function changeThroughLog(plusOne: string, toZero: string) {
  await getPool().query(
    `INSERT INTO agreement_pair_deltas (${KEYS.pairs}, items)
     SELECT ${KEYS.pairs}, CASE WHEN id = $1::bigint THEN 1 ELSE -items END
       FROM agreement_pair_totals WHERE id IN ($1::bigint, $2::bigint)
     UNION ALL
     SELECT definition_id, definition_version, user_a, user_a, '"x"', '"y"', 5
       FROM agreement_pair_totals WHERE id = $1::bigint`,
    [plusOne, toZero],
  );
}

/** The fold ids the pair totals of a definition were last written by. */
const generations = async (definitionId: string) =>
  new Set(
    (
      await getPool().query<{ generation: string }>(
        "SELECT DISTINCT generation::text FROM agreement_pair_totals WHERE definition_id = $1",
        [definitionId],
      )
    ).rows.map((r) => r.generation),
  );

/** Appends n rows that change no sum (items 0, copies of one row's key): the log grows, no sum moves. */
async function growBy(log: keyof typeof TABLES, definitionId: string, n: number) {
  await getPool().query(
    `INSERT INTO ${TABLES[log]} (${KEYS[log]}, items)
     SELECT ${KEYS[log]}, 0 FROM (SELECT * FROM ${allRows(log)} WHERE definition_id = $1 LIMIT 1) r,
            generate_series(1, $2::int) g`,
    [definitionId, n],
  );
}

/** A labeled project's one definition, its rollups flushed. */
async function labeledDefinition(): Promise<string> {
  const { annotators, params, project } = await createLabelingProject({
    items: 10,
    overlap: 3,
    annotators: 4,
  });
  const labelAll = async (limit: number) => {
    let submitted = 0;
    for (const [k, a] of annotators.entries()) {
      for (let n = 0; n < limit; n++) {
        const claimed = await claimAs(a.token, params);
        if (claimed.status !== 200) break;
        const res = await submitAs(a.token, claimed.body.assignmentId, {
          sentiment: ["pos", "neg"][(k + n) % 2],
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        submitted++;
      }
    }
    return submitted;
  };
  expect(await labelAll(6)).toBeGreaterThan(12);
  await flushAgreement(project.id);
  const definition = (
    await getPool().query<{ id: string }>("SELECT id FROM label_definitions WHERE project_id = $1", [
      project.id,
    ])
  ).rows[0].id;
  return definition;
}

describe("folding the logs of rollup changes", () => {
  it("keeps every sum, and folds again only once the log has doubled", async () => {
    const definition = await labeledDefinition();
    const log = "patterns";
    const before = await sums(log, definition);
    expect(before.length).toBeGreaterThan(0);
    expect(await rowsOf(log, definition)).toBeGreaterThanOrEqual(before.length);
    expect(await compactPatternDeltas(definition, log, 1)).toBe(true);
    expect(await sums(log, definition)).toEqual(before);
    expect(await rowsOf(log, definition)).toBe(before.length);
    // Not doubled: one row short of it, no fold; at double, a fold.
    await growBy(log, definition, before.length - 1);
    expect(await compactPatternDeltas(definition, log, 1)).toBe(false);
    await growBy(log, definition, 1);
    expect(await compactPatternDeltas(definition, log, 1)).toBe(true);
    expect(await sums(log, definition)).toEqual(before);
    expect(await rowsOf(log, definition)).toBe(before.length);
  });

  it("moves the pair log's sums to their totals, adding to the totals already there", async () => {
    const definition = await labeledDefinition();
    const before = await sums("pairs", definition);
    expect(before.length).toBeGreaterThan(0);
    expect(await totalRowsOf(definition)).toBe(0);
    expect(await compactPatternDeltas(definition, "pairs", 1)).toBe(true);
    expect(await sums("pairs", definition)).toEqual(before);
    expect(await rowsOf("pairs", definition)).toBe(0);
    expect(await totalRowsOf(definition)).toBe(before.length);
    // Another change: +1 to one key already in the totals, -1 from another until it is gone, and a
    // key the totals have not met; the fold adds them up, and keeps the key whose sum is 0 at 0, all
    // three marked with its transaction id (readers keeping totals in memory learn of them by it).
    const firstFold = await generations(definition);
    expect(firstFold.size).toBe(1);
    const { rows } = await getPool().query<{ id: string; items: number }>(
      "SELECT id::text, items FROM agreement_pair_totals WHERE definition_id = $1 ORDER BY id LIMIT 2",
      [definition],
    );
    await changeThroughLog(rows[0].id, rows[1].id);
    const changed = await sums("pairs", definition);
    expect(changed.length).toBe(before.length);
    expect(changed).not.toEqual(before);
    expect(await compactPatternDeltas(definition, "pairs", 1)).toBe(true);
    expect(await sums("pairs", definition)).toEqual(changed);
    expect(await rowsOf("pairs", definition)).toBe(0);
    expect(await totalRowsOf(definition)).toBe(before.length + 1);
    const { rows: written } = await getPool().query<{ items: number; generation: string }>(
      `SELECT items, generation::text FROM agreement_pair_totals
        WHERE definition_id = $1 AND generation > $2::bigint ORDER BY items`,
      [definition, [...firstFold][0]],
    );
    expect(written.map((r) => r.items)).toEqual([0, rows[0].items + 1, 5]);
    expect(new Set(written.map((r) => r.generation)).size).toBe(1);
    // A deleted definition takes its totals with it, as its log.
    await getPool().query("DELETE FROM label_definitions WHERE id = $1", [definition]);
    expect(await totalRowsOf(definition)).toBe(0);
  });

  it("leaves a log alone while another fold of it holds the lock (in this process or another)", async () => {
    const definition = await labeledDefinition();
    for (const log of ["patterns", "pairs"] as const) {
      const rowsBefore = await rowsOf(log, definition);
      const other = await getPool().connect();
      try {
        await other.query("BEGIN");
        await other.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
          `concord:fold:${log}:${definition}`,
        ]);
        expect(await compactPatternDeltas(definition, log, 1)).toBe(false);
        expect(await rowsOf(log, definition)).toBe(rowsBefore);
      } finally {
        await other.query("ROLLBACK");
        other.release();
      }
      expect(await compactPatternDeltas(definition, log, 1)).toBe(true);
    }
  });

  it("is left by readers to run after their response, and happens", async () => {
    const definition = await labeledDefinition();
    const before = await sums("pairs", definition);
    const read = await loadAnnotatorPairs(definition, 0);
    expect(read.pairs.length).toBeGreaterThan(0);
    await growBy("pairs", definition, 2_100);
    // The same answer from a long log; its fold runs afterwards, in the background.
    expect(await loadAnnotatorPairs(definition, 0)).toEqual(read);
    await vi.waitFor(async () => expect(await rowsOf("pairs", definition)).toBe(0), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await sums("pairs", definition)).toEqual(before);
  });
});

describe("the pair totals a process keeps in memory", () => {
  /** loadAnnotatorPairs's answer from the tables themselves: totals and log summed by key in SQL. */
  async function expected(definitionId: string, version: number) {
    const { rows } = await getPool().query<[string, string | null, string, string | null, number]>({
      text: `SELECT user_a::text, user_b::text, value_a, value_b, sum(items)::int
               FROM ${allRows("pairs")} WHERE definition_id = $1 AND definition_version = $2
              GROUP BY 1, 2, 3, 4 HAVING sum(items) <> 0`,
      values: [definitionId, version],
      rowMode: "array",
    });
    const users = new Map<string, [string, number, number]>();
    for (const [a, b, va, , items] of rows) {
      if (b !== null) continue;
      const user = users.get(a) ?? [a, 0, 0];
      user[va === "labels" ? 1 : 2] += items;
      users.set(a, user);
    }
    return sorted({
      pairs: rows.flatMap(([a, b, va, vb, items]) => (b === null ? [] : [[a, b, va, vb!, items]])),
      users: [...users.values()].filter(([, labels]) => labels > 0),
    });
  }
  const sorted = (read: { pairs: unknown[][]; users: unknown[][] }) => ({
    pairs: read.pairs.map((r) => JSON.stringify(r)).sort(),
    users: read.users.map((r) => JSON.stringify(r)).sort(),
  });
  /** The read, and how many folded totals its statement brought from the database. */
  async function read(definitionId: string) {
    const pool = getPool();
    const spy = vi.spyOn(pool, "query");
    try {
      const pairs = await loadAnnotatorPairs(definitionId, 0);
      const result = (await spy.mock.results[0].value) as { rows: unknown[][] };
      return { pairs: sorted(pairs), totalsRead: result.rows.filter((r) => r[0] === true).length };
    } finally {
      spy.mockRestore();
    }
  }

  /** A fold now (the read's own background fold may hold the lock for a moment: then again). */
  const foldNow = (definitionId: string) =>
    vi.waitFor(async () => expect(await compactPatternDeltas(definitionId, "pairs", 1)).toBe(true), {
      timeout: 5000,
      interval: 20,
    });

  /**
   * A fold by another app process: the same statement as compactPatternDeltas's, so this process's
   * kept totals learn of it only by reading.
   */
  const foldElsewhere = (definitionId: string) =>
    getPool().query(
      `WITH folded AS (DELETE FROM agreement_pair_deltas WHERE definition_id = $1 RETURNING *)
       INSERT INTO agreement_pair_totals AS t (${KEYS.pairs}, items, generation)
       SELECT ${KEYS.pairs}, sum(items)::int, pg_current_xact_id()::text::bigint FROM folded
        GROUP BY ${KEYS.pairs} ORDER BY ${KEYS.pairs}
       ON CONFLICT (${KEYS.pairs}) DO UPDATE SET items = t.items + excluded.items, generation = excluded.generation`,
      [definitionId],
    );
  /** Two of the definition's folded totals between annotators, from the `skip`th. */
  const twoTotals = async (definitionId: string, skip: number) =>
    (
      await getPool().query<{ id: string }>(
        `SELECT id::text FROM agreement_pair_totals
          WHERE definition_id = $1 AND definition_version = 0 AND user_b IS NOT NULL
          ORDER BY id OFFSET $2 LIMIT 2`,
        [definitionId, skip],
      )
    ).rows.map((r) => r.id) as [string, string];

  it("answers what the tables say through folds, changed keys and keys gone to 0, reading only what a fold wrote since", async () => {
    forgetPairTotals();
    const definition = await labeledDefinition();
    // Nothing folded yet: the log alone.
    expect((await read(definition)).pairs).toEqual(await expected(definition, 0));
    // A fold in this process hands what it wrote to the totals kept here: nothing is read again.
    await foldNow(definition);
    const afterFold = await read(definition);
    expect(afterFold).toEqual({ pairs: await expected(definition, 0), totalsRead: 0 });
    // A process that kept nothing reads every total, and the same answer.
    forgetPairTotals();
    const { rows: all } = await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM agreement_pair_totals WHERE definition_id = $1 AND definition_version = 0",
      [definition],
    );
    expect(await read(definition)).toEqual({ pairs: afterFold.pairs, totalsRead: all[0].n });
    // No fold since: no total is read again.
    expect(await read(definition)).toEqual({ pairs: afterFold.pairs, totalsRead: 0 });
    // +1 to a key, one key cancelled to 0, a new pair: first in the log, then folded elsewhere.
    await changeThroughLog(...(await twoTotals(definition, 0)));
    const changed = await expected(definition, 0);
    expect(changed).not.toEqual(afterFold.pairs);
    expect(await read(definition)).toEqual({ pairs: changed, totalsRead: 0 });
    await foldElsewhere(definition);
    // The other process's fold wrote three keys (one at 0): only they are read again.
    expect(await read(definition)).toEqual({ pairs: changed, totalsRead: 3 });
    // The same as a process that never kept anything.
    forgetPairTotals();
    expect((await read(definition)).pairs).toEqual(changed);
  });

  it("takes a fold's totals only when it kept those the fold started from", async () => {
    forgetPairTotals();
    const definition = await labeledDefinition();
    await foldNow(definition);
    await read(definition);
    const [kept] = await generations(definition);
    // Kept here as of this process's fold; then another process folds a change this one never read,
    // and this process folds the next change: its fold started from totals this one does not keep.
    await changeThroughLog(...(await twoTotals(definition, 0)));
    await foldElsewhere(definition);
    await changeThroughLog(...(await twoTotals(definition, 2)));
    await foldNow(definition);
    const after = await read(definition);
    expect(after.pairs).toEqual(await expected(definition, 0));
    // Read again: what both folds wrote.
    const { rows: since } = await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agreement_pair_totals
        WHERE definition_id = $1 AND definition_version = 0 AND generation > $2::bigint`,
      [definition, kept],
    );
    expect(since[0].n).toBeGreaterThanOrEqual(5);
    expect(after.totalsRead).toBe(since[0].n);
    // Kept as of that read: the next fold here is taken without reading.
    await changeThroughLog(...(await twoTotals(definition, 4)));
    await foldNow(definition);
    expect(await read(definition)).toEqual({ pairs: await expected(definition, 0), totalsRead: 0 });
  });
});

describe("the applier's fold of grown pair logs", () => {
  it("folds a pair log once it holds the given rows, whoever reads it, and no sum moves", async () => {
    const definition = await labeledDefinition();
    const before = await sums("pairs", definition);
    const n = await rowsOf("pairs", definition);
    expect(n).toBeGreaterThan(1);
    // One row short: left as it is (other tests' definitions may be folded meanwhile).
    await foldGrownPairLogs(n + 1);
    expect(await rowsOf("pairs", definition)).toBe(n);
    expect(await totalRowsOf(definition)).toBe(0);
    expect(await foldGrownPairLogs(n)).toBeGreaterThanOrEqual(1);
    expect(await rowsOf("pairs", definition)).toBe(0);
    expect(await totalRowsOf(definition)).toBe(before.length);
    expect(await sums("pairs", definition)).toEqual(before);
  });
});
