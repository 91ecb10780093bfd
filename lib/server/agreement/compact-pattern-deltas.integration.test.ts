import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { flushAgreement } from "@/lib/testing/flush-agreement";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { compactPatternDeltas } from "./compact-pattern-deltas";
import { loadAnnotatorPairs } from "./load-annotator-pairs";

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
    // key the totals have not met; the fold adds them up, and drops the key whose sum is 0.
    const { rows } = await getPool().query<{ id: string; items: number }>(
      "SELECT id::text, items FROM agreement_pair_totals WHERE definition_id = $1 ORDER BY id LIMIT 2",
      [definition],
    );
    await getPool().query(
      `INSERT INTO agreement_pair_deltas (${KEYS.pairs}, items)
       SELECT ${KEYS.pairs}, CASE WHEN id = $1::bigint THEN 1 ELSE -items END
         FROM agreement_pair_totals WHERE id = ANY($2::bigint[])
       UNION ALL
       SELECT definition_id, definition_version, user_a, user_a, 'x', 'y', 5
         FROM agreement_pair_totals WHERE id = $1::bigint`,
      [rows[0].id, rows.map((r) => r.id)],
    );
    const changed = await sums("pairs", definition);
    expect(changed.length).toBe(before.length);
    expect(changed).not.toEqual(before);
    expect(await compactPatternDeltas(definition, "pairs", 1)).toBe(true);
    expect(await sums("pairs", definition)).toEqual(changed);
    expect(await rowsOf("pairs", definition)).toBe(0);
    expect(await totalRowsOf(definition)).toBe(before.length);
    const { rows: zero } = await getPool().query(
      "SELECT 1 FROM agreement_pair_totals WHERE definition_id = $1 AND items = 0",
      [definition],
    );
    expect(zero).toEqual([]);
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
