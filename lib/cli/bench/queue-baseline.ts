// bench:queue's bare-SQL baseline: the minimal correct claim and complete, from as many clients as
// the app run has annotators, straight to PostgreSQL, in scratch tables of their own. The claim is one
// statement (the first open item never served to the annotator, FOR UPDATE SKIP LOCKED; a unique
// (item, annotator) key; a CHECK on the item's counters), the complete another. What the app adds
// on top (HTTP, sessions, access checks, definition versions, leases that expire, validation,
// annotations with revisions) is what its ratio to this baseline measures.
import pg from "pg";
import { latencies } from "./bench-setup";

const SCHEMA = "bench_baseline";

const CLAIM = `
  WITH pick AS (
    SELECT i.id FROM ${SCHEMA}.items i
     WHERE i.done + i.leased < i.target
       AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.assignments a WHERE a.item_id = i.id AND a.annotator = $1)
     ORDER BY (i.done + i.leased > 0) DESC, i.id
     LIMIT 1
     FOR UPDATE SKIP LOCKED),
  bumped AS (
    UPDATE ${SCHEMA}.items i SET leased = i.leased + 1 FROM pick WHERE i.id = pick.id RETURNING i.id)
  INSERT INTO ${SCHEMA}.assignments (item_id, annotator) SELECT id, $1 FROM bumped RETURNING id`;

const COMPLETE = `
  WITH done AS (
    UPDATE ${SCHEMA}.assignments SET value = $3, completed = true
     WHERE id = $1 AND annotator = $2 AND NOT completed RETURNING item_id)
  UPDATE ${SCHEMA}.items i SET leased = i.leased - 1, done = i.done + 1 FROM done WHERE i.id = done.item_id`;

async function createScratchTables(pool: pg.Pool, items: number, overlap: number) {
  await pool.query(`
    DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE;
    CREATE SCHEMA ${SCHEMA};
    CREATE TABLE ${SCHEMA}.items (
      id bigint PRIMARY KEY, target int NOT NULL, done int NOT NULL DEFAULT 0, leased int NOT NULL DEFAULT 0,
      CHECK (done >= 0 AND leased >= 0 AND done + leased <= target));
    CREATE TABLE ${SCHEMA}.assignments (
      id bigserial PRIMARY KEY, item_id bigint NOT NULL REFERENCES ${SCHEMA}.items, annotator int NOT NULL,
      value jsonb, completed boolean NOT NULL DEFAULT false, UNIQUE (item_id, annotator));`);
  await pool.query(
    `INSERT INTO ${SCHEMA}.items (id, target) SELECT g, $2 FROM generate_series(1, $1::int) g`,
    [items, overlap],
  );
  await pool.query(
    `CREATE INDEX ON ${SCHEMA}.items (((done + leased) > 0) DESC, id) WHERE done + leased < target`,
  );
  await pool.query(`VACUUM ANALYZE ${SCHEMA}.items, ${SCHEMA}.assignments`);
}

export async function runQueueBaseline(
  databaseUrl: string,
  options: { clients: number; seconds: number; items: number; overlap: number },
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.clients });
  await createScratchTables(pool, options.items, options.overlap);
  const claim: number[] = [];
  const complete: number[] = [];
  let cycles = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const labels = ["pos", "neg", "neu"];
  await Promise.all(
    Array.from({ length: options.clients }, async (_, annotator) => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          let t = performance.now();
          const claimed = await client.query<{ id: string }>(CLAIM, [annotator]);
          claim.push(performance.now() - t);
          if (claimed.rowCount === 0) return;
          t = performance.now();
          await client.query(COMPLETE, [claimed.rows[0].id, annotator, { sentiment: labels[cycles % 3] }]);
          complete.push(performance.now() - t);
          cycles++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  await pool.end();
  return {
    seconds: Number(seconds.toFixed(1)),
    cycles,
    cyclesPerSecond: Math.round(cycles / seconds),
    claimMs: latencies(claim),
    completeMs: latencies(complete),
  };
}
