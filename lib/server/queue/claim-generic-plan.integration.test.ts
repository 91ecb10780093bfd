import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { createScratchDatabase, dropScratchDatabases } from "@/lib/testing/scratch-databases";

// Issue #15: the queue's functions cache their plans per connection. A plan made while
// `assignments` was small read the whole table on every later claim (`Nested Loop Anti Join ->
// Seq Scan on assignments`), however many past assignments it grew to. The test forces the cached
// (generic) plan, makes it on a small, freshly analysed table in a database of its own (the shared
// test database's size depends on the other tests), and reads every plan the claim and the submit
// ran (auto_explain, nested statements) before and after the history grows.

let client: pg.Client;
const plans: string[] = [];

const PROJECT = "10000000-0000-4000-8000-000000000001";
const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function seed(db: pg.Client) {
  await db.query(`
    INSERT INTO users (id, email, name, password_hash)
      SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'plans-' || g || '@example.com', 'u' || g, 'x'
        FROM generate_series(1, 4) g;
    INSERT INTO projects (id, name, overlap) VALUES ('${PROJECT}', 'plans', 2);
    INSERT INTO memberships (project_id, user_id, role) SELECT '${PROJECT}', id, 'annotator' FROM users;
    WITH d AS (
      INSERT INTO label_definitions (project_id, key, kind, current_version)
      VALUES ('${PROJECT}', 'sentiment', 'single_choice', 1) RETURNING id)
    INSERT INTO label_definition_versions (definition_id, version, spec, spec_hash, guidelines_hash)
      SELECT id, 1, '{"kind": "single_choice", "title": "Sentiment", "required": true,
                      "options": [{"key": "pos"}, {"key": "neg"}]}', 'h', 'g' FROM d;
    WITH b AS (
      INSERT INTO batches (project_id, name, format, item_count, duplicate_count)
      VALUES ('${PROJECT}', 'open', 'jsonl', 200, 0) RETURNING id)
    INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count)
      SELECT '${PROJECT}', b.id, 'open-' || g, md5(g::text), '{"text": "x"}', 2
        FROM b, generate_series(1, 200) g;
    ANALYZE;`);
}

/** Past, finished work: items full and their submitted assignments, as years of labeling leave. */
async function growHistory(db: pg.Client, items: number) {
  await db.query(
    `WITH b AS (
       INSERT INTO batches (project_id, name, format, item_count, duplicate_count)
       VALUES ($1, 'past', 'jsonl', $2, 0) RETURNING id),
     i AS (
       INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count)
       SELECT $1, b.id, 'past-' || g, md5('past' || g), '{"text": "x"}', 2, 2 FROM b, generate_series(1, $2::int) g
       RETURNING id)
     INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, expires_at, submitted_at)
     SELECT $1, i.id, ('00000000-0000-4000-8000-' || lpad((k + 1)::text, 12, '0'))::uuid, 'submitted',
            '{"sentiment": 1}', now(), now()
       FROM i, generate_series(1, 2) k`,
    [PROJECT, items],
  );
}

async function claimAndSubmit(user: string) {
  const claimed = await client.query<{ c: { assignmentId: string } }>("SELECT concord_claim($1, $2) AS c", [
    PROJECT,
    user,
  ]);
  const assignmentId = claimed.rows[0].c.assignmentId;
  expect(assignmentId).toBeTruthy();
  await client.query("SELECT concord_submit($1, $2, $3, 10)", [assignmentId, user, { sentiment: "pos" }]);
}

beforeAll(async () => {
  const url = await createScratchDatabase("concord_plans");
  await migrateDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // No autovacuum: its ANALYZE would invalidate the cached plans this test is about.
  await client.query("ALTER TABLE assignments SET (autovacuum_enabled = false)");
  await seed(client);
  client.on("notice", (notice) => {
    if (notice.message?.includes("Query Text")) plans.push(notice.message);
  });
  await client.query(`
    SET plan_cache_mode = force_generic_plan;
    LOAD 'auto_explain';
    SET auto_explain.log_min_duration = 0;
    SET auto_explain.log_nested_statements = on;
    SET auto_explain.log_level = notice;
    SET client_min_messages = notice;`);
});

afterAll(async () => {
  await client?.end();
  await dropScratchDatabases();
});

describe("the queue's cached plans", () => {
  it("read assignments and items through indexes, planned small and run after the history grew", async () => {
    // Plans are made (and cached) on the first calls, while the project has no history.
    for (let n = 1; n <= 4; n++) await claimAndSubmit(userId(n));
    const seen = plans.length;
    expect(seen).toBeGreaterThan(10);
    // Unlogged: auto_explain would print the plan of every foreign-key check of the insert.
    await client.query("SET auto_explain.log_min_duration = -1");
    await growHistory(client, 20_000);
    await client.query("SET auto_explain.log_min_duration = 0");
    for (let n = 1; n <= 4; n++) await claimAndSubmit(userId(n));
    expect(plans.length).toBeGreaterThan(seen);
    const scans = plans.filter((plan) => /Seq Scan on (assignments|items)\b/.test(plan));
    expect(scans, scans.join("\n\n")).toEqual([]);
    // The claim's pick reads the (item, annotator) key under its anti-join.
    expect(plans.some((plan) => /Anti Join[\s\S]*assignments_item_id_user_id_key/.test(plan))).toBe(true);
  });
});
