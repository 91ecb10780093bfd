// bench:queue --history N: a project's past, N submitted assignments on items that are full, added
// while the app's connections stay open, so their cached plans were made before it existed.
import type pg from "pg";

const CHUNK = 300_000;

/**
 * Holds autovacuum off the queue's tables (or `tables`): its ANALYZE of the grown tables would
 * invalidate the plans the connections cached, and a plan that outlives the table's growth is the case
 * measured. Call it before the app serves anything (the ALTER itself invalidates plans); the returned
 * function gives autovacuum back.
 */
export async function holdAutovacuum(
  pool: pg.Pool,
  tables: readonly string[] = ["assignments", "items"],
): Promise<() => Promise<void>> {
  const { escapeIdentifier } = await import("pg");
  for (const table of tables) {
    await pool.query(`ALTER TABLE ${escapeIdentifier(table)} SET (autovacuum_enabled = false)`);
  }
  return async () => {
    for (const table of tables) {
      await pool.query(`ALTER TABLE ${escapeIdentifier(table)} RESET (autovacuum_enabled)`);
    }
  };
}

/** Adds `count` submitted assignments (on count / overlap full items) to the project, over the annotators. */
export async function growQueueHistory(
  pool: pg.Pool,
  options: {
    projectId: string;
    annotatorIds: string[];
    count: number;
    overlap: number;
    log: (l: string) => void;
  },
): Promise<number> {
  const started = performance.now();
  const items = Math.ceil(options.count / options.overlap);
  const batch = await pool.query<{ id: string }>(
    "INSERT INTO batches (project_id, name, format, item_count, duplicate_count) VALUES ($1, 'history', 'jsonl', $2, 0) RETURNING id",
    [options.projectId, items],
  );
  const users = options.annotatorIds;
  for (let from = 0; from < items; from += CHUNK / options.overlap) {
    const to = Math.min(items, from + CHUNK / options.overlap);
    options.log(`history: items ${from}..${to} of ${items}`);
    // Each past item was labeled by `overlap` different annotators (consecutive ones, round robin).
    await pool.query(
      `WITH i AS (
         INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count)
         SELECT $1, $2, 'past-' || g, md5('past' || g), jsonb_build_object('text', 'Past review ' || g), $5, $5
           FROM generate_series($3::int, $4::int - 1) g
         RETURNING id)
       INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at)
       SELECT $1, i.id, ($6::uuid[])[1 + ((i.id + k) % array_length($6::uuid[], 1))], 'submitted', '{"sentiment": 1}',
              now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
         FROM i, generate_series(0, $5::int - 1) k`,
      [options.projectId, batch.rows[0].id, from, to, options.overlap, users],
    );
  }
  return Number(((performance.now() - started) / 1000).toFixed(1));
}

type TLatencies = { claimMs: { p50: number; p99: number }; submitMs: { p50: number; p99: number } };

/**
 * What the history run reports: how many of the app's connections predate the history (and so
 * carry plans cached on the empty tables), and each latency of the grown run as a ratio to the empty one.
 */
export async function historySummary(
  pool: pg.Pool,
  options: {
    pastAssignments: number;
    secondsToAdd: number;
    grownAt: Date;
    empty: TLatencies;
    grown: TLatencies;
  },
) {
  const { empty, grown } = options;
  const connections = await pool.query<{ before: number; after: number }>(
    `SELECT count(*) FILTER (WHERE backend_start < $1)::int AS before, count(*) FILTER (WHERE backend_start >= $1)::int AS after
       FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
        AND application_name <> 'concord-bench' AND pid <> pg_backend_pid()`,
    [options.grownAt],
  );
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  return {
    pastAssignments: options.pastAssignments,
    secondsToAdd: options.secondsToAdd,
    planCacheMode: "force_generic_plan",
    appConnectionsOpenedBeforeTheHistory: connections.rows[0].before,
    appConnectionsOpenedAfter: connections.rows[0].after,
    ratioToEmpty: {
      claimP50: ratio(grown.claimMs.p50, empty.claimMs.p50),
      claimP99: ratio(grown.claimMs.p99, empty.claimMs.p99),
      submitP50: ratio(grown.submitMs.p50, empty.submitMs.p50),
      submitP99: ratio(grown.submitMs.p99, empty.submitMs.p99),
    },
  };
}
