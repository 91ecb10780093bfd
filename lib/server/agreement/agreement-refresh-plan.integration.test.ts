import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { createScratchDatabase, dropScratchDatabases } from "@/lib/testing/scratch-databases";

// Every submit's labels have their agreement rollups refreshed (concord_agreement_refresh,
// prisma/functions/agreement.sql), a few pairs at a time, by the flush that follows it (the applier's or
// a reader's: docs/decisions/034-deferred-agreement-refresh.md), while the item's rows are locked. Its statements take arrays, and PostgreSQL left to itself planned
// them anew on every call: 2.6 ms of planning per submit, more than they take to run (bench:queue with
// pg_stat_statements' track_planning). The test counts plannings (log_planner_stats, sent to this
// client) and reads the plans the refresh runs (auto_explain), in a database of its own whose tables
// are tiny when the plans are made: a generic plan made then must still read through the indexes.

let client: pg.Client;
let plannings = 0;
const plans: string[] = [];

const PROJECT = "10000000-0000-4000-8000-000000000002";
const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function seed(db: pg.Client) {
  await db.query(`
    INSERT INTO users (id, email, name, password_hash)
      SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'refresh-' || g || '@example.com', 'u' || g, 'x'
        FROM generate_series(1, 3) g;
    INSERT INTO projects (id, name, overlap) VALUES ('${PROJECT}', 'refresh plans', 3);
    INSERT INTO memberships (project_id, user_id, role) SELECT '${PROJECT}', id, 'annotator' FROM users;
    WITH d AS (
      INSERT INTO label_definitions (project_id, key, kind, current_version)
      VALUES ('${PROJECT}', 'sentiment', 'single_choice', 1) RETURNING id)
    INSERT INTO label_definition_versions (definition_id, version, spec, spec_hash, guidelines_hash)
      SELECT id, 1, '{"kind": "single_choice", "title": "Sentiment", "required": true,
                      "options": [{"key": "pos"}, {"key": "neg"}]}', 'h', 'g' FROM d;
    WITH b AS (
      INSERT INTO batches (project_id, name, format, item_count, duplicate_count)
      VALUES ('${PROJECT}', 'open', 'jsonl', 50, 0) RETURNING id)
    INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count)
      SELECT '${PROJECT}', b.id, 'open-' || g, md5(g::text), '{"text": "x"}', 3
        FROM b, generate_series(1, 50) g;
    ANALYZE;`);
}

async function claimAndSubmit(user: string, value: string) {
  const claimed = await client.query<{ c: { assignmentId: string } }>("SELECT concord_claim($1, $2) AS c", [
    PROJECT,
    user,
  ]);
  const assignmentId = claimed.rows[0].c.assignmentId;
  expect(assignmentId).toBeTruthy();
  await client.query("SELECT concord_submit($1, $2, $3, 10)", [assignmentId, user, { sentiment: value }]);
  const flushed = await client.query<{ n: number }>("SELECT concord_agreement_flush($1) AS n", [PROJECT]);
  expect(flushed.rows[0].n).toBe(1);
}

/** One refresh of an item's rollups, as a submit's trigger runs it; returns the plannings it took. */
async function refresh(itemId: string): Promise<number> {
  const before = plannings;
  await client.query(
    `SELECT concord_agreement_refresh(array_agg(d.id), array_agg($2::bigint))
       FROM label_definitions d WHERE d.project_id = $1`,
    [PROJECT, itemId],
  );
  return plannings - before;
}

beforeAll(async () => {
  const url = await createScratchDatabase("concord_refresh_plans");
  await migrateDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await seed(client);
  client.on("notice", (notice) => {
    if (notice.message?.includes("PLANNER STATISTICS")) plannings++;
    if (notice.message?.includes("Query Text")) plans.push(notice.message);
  });
  await client.query(`
    LOAD 'auto_explain';
    SET auto_explain.log_min_duration = 0;
    SET auto_explain.log_nested_statements = on;
    SET auto_explain.log_level = notice;
    SET log_planner_stats = on;
    SET client_min_messages = log;`);
});

afterAll(async () => {
  await client?.end();
  await dropScratchDatabases();
});

/** Past work: items full with their annotations, as months of labeling leave; then analysed. */
async function growHistory(db: pg.Client, items: number) {
  await db.query(
    `WITH b AS (
       INSERT INTO batches (project_id, name, format, item_count, duplicate_count)
       VALUES ($1, 'past', 'jsonl', $2, 0) RETURNING id),
     i AS (
       INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count)
       SELECT $1, b.id, 'past-' || g, md5('past' || g), '{"text": "x"}', 3, 3 FROM b, generate_series(1, $2::int) g
       RETURNING id),
     a AS (
       INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, expires_at, submitted_at)
       SELECT $1, i.id, ('00000000-0000-4000-8000-' || lpad((k + 1)::text, 12, '0'))::uuid, 'submitted',
              '{"sentiment": 1}', now(), now()
         FROM i, generate_series(0, 2) k
       RETURNING id, item_id, user_id)
     INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value)
     SELECT a.id, $1, a.item_id, a.user_id, d.id, 1, to_jsonb(CASE WHEN a.id % 3 = 0 THEN 'neg' ELSE 'pos' END)
       FROM a, label_definitions d WHERE d.project_id = $1`,
    [PROJECT, items],
  );
  await db.query("ANALYZE");
}

describe("the agreement refresh on submit", () => {
  it("reads annotations, items and the rollups through indexes, with plans made on tiny tables", async () => {
    // The first submits make the plans, while every table holds a few rows.
    for (let n = 0; n < 6; n++) await claimAndSubmit(userId((n % 3) + 1), n % 2 ? "pos" : "neg");
    const refresh = plans.filter((plan) => /unnest\(p_definitions, p_items\)/.test(plan));
    expect(refresh.length).toBeGreaterThan(0);
    const scans = refresh.filter((plan) =>
      /Seq Scan on (annotations|items|agreement_item_patterns|label_definitions)\b/.test(plan),
    );
    expect(scans, scans.join("\n\n")).toEqual([]);
  });

  it("is planned once per connection, not on every submit", async () => {
    await client.query("SET auto_explain.log_min_duration = -1");
    await growHistory(client, 5_000);
    // Submits after the history grew make and cache the plans again (ANALYZE invalidated them).
    for (let n = 0; n < 12; n++) await claimAndSubmit(userId((n % 3) + 1), n % 2 ? "pos" : "neg");
    const items = await client.query<{ item_id: string }>(
      "SELECT DISTINCT item_id FROM annotations ORDER BY item_id LIMIT 8",
    );
    const counts: number[] = [];
    for (const row of items.rows) counts.push(await refresh(row.item_id));
    // One planning per call: the top-level statement, which the client sends unprepared. Without
    // the fix every call planned the refresh's three statements again (4 per call).
    expect(counts).toEqual(items.rows.map(() => 1));
  });

  it("marks review states stale with a plan made once, not on every submit", async () => {
    const items = await client.query<{ item_id: string }>(
      "SELECT DISTINCT item_id FROM annotations ORDER BY item_id LIMIT 8",
    );
    const counts: number[] = [];
    for (const row of items.rows) {
      const before = plannings;
      await client.query("SELECT concord_review_touch(ARRAY[$1::bigint])", [row.item_id]);
      counts.push(plannings - before);
    }
    // The first call may make the plan; after it, only the top-level statement is planned.
    expect(counts.slice(1)).toEqual(items.rows.slice(1).map(() => 1));
  });
});
