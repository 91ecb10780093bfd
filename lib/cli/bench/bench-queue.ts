// npm run bench:queue — 50 simulated annotators (claim, then submit, no think time) through the
// HTTP API of the app process `npm start` runs (one or more of them) on one embedded PostgreSQL, for a project of
// 1,000,000 items and one of 10,000, overlap 3. Prints JSON: cycles/s, latencies, and an audit, and the
// same work as bare SQL from as many clients (queue-baseline.ts) with each run's ratio to it.
//
// --history N (e.g. 3000000): one project of --items open items, run once empty, then given N past
// assignments while the app's connections stay open, with their plans cached and forced generic
// (plan_cache_mode), and run again: claim and submit p50/p99 should stay within 1.2x (issue #15).
//
// --webhook-slow [--rounds 3] [--warmup S]: the first size only, a fresh project per run: an
// uncounted warm-up run (S seconds, default --seconds), then each round runs without a hook, with a
// hook on item.completed whose receiver answers after 5 s, and with one whose receiver never
// answers, in an order rotated each round (queue-webhook-rounds.ts); medians against the no-hook
// median and the no-hook runs' spread (webhook-comparison.ts); then the receiver recovers and the
// outbox must drain, every event delivered once.
import type { Pool } from "pg";
import { parseArgs } from "node:util";
import { startBenchDatabase } from "./bench-setup";
import { reportQueue } from "./queue-report";
import { runQueueBaseline } from "./queue-baseline";
import { growQueueHistory, historySummary, holdAutovacuum } from "./queue-history";
import { auditProject, runProject, startServers, type TQueueRun } from "./queue-run";
import { buildIfNeeded } from "../serve/build-if-needed";
import { WEBHOOK_BENCH_ENV } from "./bench-webhooks";
import { runWebhookRounds } from "./queue-webhook-rounds";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    annotators: { type: "string", default: "50" },
    servers: { type: "string", default: "1" },
    sizes: { type: "string", default: "1000000,10000" },
    history: { type: "string", default: "0" },
    items: { type: "string", default: "100000" },
    warmup: { type: "string" },
    rounds: { type: "string", default: "3" },
    "webhook-slow": { type: "boolean", default: false },
  },
});
const WEBHOOK_SLOW = values["webhook-slow"]!;
const HISTORY = Number(values.history);
const SECONDS = Number(values.seconds);
const ANNOTATORS = Number(values.annotators);
const SERVERS = Number(values.servers);
const SIZES = values.sizes!.split(",").map(Number);
const ROUNDS = Number(values.rounds);
const log = (line: string) => console.error(`[bench:queue] ${line}`);

/** A project of `size` open items, overlap 3, one single-choice definition, the annotators as its members. */
async function seedProject(pool: Pool, annotators: { id: string }[], size: number) {
  const { createTestProject } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const project = await createTestProject(
    annotators.map((a) => ({ userId: a.id, role: "annotator" as const })),
    { overlap: 3 },
  );
  await createLabelDefinition(
    project.id,
    { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }] },
    annotators[0].id,
  );
  const batch = await pool.query<{ id: string }>(
    "INSERT INTO batches (project_id, name, format, item_count, duplicate_count) VALUES ($1, 'bench', 'jsonl', $2, 0) RETURNING id",
    [project.id, size],
  );
  log(`inserting ${size} items`);
  await pool.query(
    `INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count)
       SELECT $1, $2, 'item-' || g, md5(g::text), jsonb_build_object('text', 'Review number ' || g || ': the service was fine.'), 3
         FROM generate_series(1, $3::int) g`,
    [project.id, batch.rows[0].id, size],
  );
  return project.id;
}

async function main() {
  const database = await startBenchDatabase();
  // Named, so the history check can tell the app's connections from the benchmark's own.
  process.env.DATABASE_URL = `${database.url}${database.url.includes("?") ? "&" : "?"}application_name=concord-bench`;
  const { getPool, disconnectDb } = await import("@/lib/db");
  const { createTestUser } = await import("@/lib/testing/factories");
  const pool = getPool();
  const { escapeIdentifier } = await import("pg");
  let restoreAutovacuum: () => Promise<void> = async () => undefined;
  if (HISTORY) {
    // Every connection the app opens caches generic plans, as one that served for hours would.
    const name = (await pool.query<{ db: string }>("SELECT current_database() AS db")).rows[0].db;
    await pool.query(`ALTER DATABASE ${escapeIdentifier(name)} SET plan_cache_mode = force_generic_plan`);
    restoreAutovacuum = await holdAutovacuum(pool);
  }
  if (WEBHOOK_SLOW) {
    // The comparison's runs each start from a vacuumed, checkpointed database (queue-webhook-rounds.ts)
    // and autovacuum stays off all tables until the last: in the first such bench it ran in some runs
    // and not others (0 to 12 times), and those runs were a third slower whatever their hook.
    const { rows } = await pool.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
    );
    restoreAutovacuum = await holdAutovacuum(
      pool,
      rows.map((r) => r.name),
    );
  }
  const annotators = await Promise.all(Array.from({ length: ANNOTATORS }, () => createTestUser()));
  const projects: { id: string; items: number }[] = [];
  // --webhook-slow seeds a fresh project before each of its runs.
  for (const size of HISTORY ? [Number(values.items)] : WEBHOOK_SLOW ? [] : SIZES) {
    projects.push({ id: await seedProject(pool, annotators, size), items: size });
  }
  const baselineItems = WEBHOOK_SLOW ? SIZES[0] : Math.max(...projects.map((p) => p.items));
  log(`baseline: bare SQL from ${ANNOTATORS} clients for ${SECONDS}s on ${baselineItems} items`);
  const baseline = await runQueueBaseline(database.url, {
    clients: ANNOTATORS,
    seconds: SECONDS,
    items: baselineItems,
    overlap: 3,
  });
  await pool.query("VACUUM ANALYZE items, assignments, annotations");
  buildIfNeeded(log);
  const servers = await startServers(database.url, SERVERS, {
    // Idle connections stay open in the history run: they carry the plans cached before it grew.
    ...(HISTORY ? { DATABASE_POOL_IDLE_MS: "0" } : {}),
    ...(WEBHOOK_SLOW ? WEBHOOK_BENCH_ENV : {}),
  });
  const vacuums = () =>
    pool
      .query<{ n: number }>(
        "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::int AS n FROM pg_stat_user_tables",
      )
      .then((r) => r.rows[0].n);
  const urls = servers.map((s) => s.url);
  const tokens = annotators.map((a) => a.token);
  const measure = async (
    name: string,
    project: { id: string; items: number },
    seconds = SECONDS,
  ): Promise<TQueueRun> => {
    const vacuumsBefore = await vacuums();
    log(
      `${name}: ${ANNOTATORS} annotators for ${seconds}s on ${project.items} items through ${SERVERS} server(s)`,
    );
    const run = await runProject(urls, project.id, tokens, seconds);
    const autovacuumsDuringRun = (await vacuums()) - vacuumsBefore;
    return {
      name,
      items: project.items,
      ...run,
      autovacuumsDuringRun,
      audit: await auditProject(pool, project.id),
    };
  };
  const runs: TQueueRun[] = [];
  let history: Awaited<ReturnType<typeof historySummary>> | null = null;
  let webhookRounds: Awaited<ReturnType<typeof runWebhookRounds>> | null = null;
  try {
    if (HISTORY) {
      const [project] = projects;
      const empty = await measure("empty history", project);
      const grownAt = new Date();
      const secondsToAdd = await growQueueHistory(pool, {
        projectId: project.id,
        annotatorIds: annotators.map((a) => a.id),
        count: HISTORY,
        overlap: 3,
        log,
      });
      const grown = await measure(`${HISTORY} past assignments`, project);
      runs.push(empty, grown);
      history = await historySummary(pool, { pastAssignments: HISTORY, secondsToAdd, grownAt, empty, grown });
    } else if (WEBHOOK_SLOW) {
      webhookRounds = await runWebhookRounds({
        pool,
        rounds: ROUNDS,
        warmupSeconds: values.warmup === undefined ? SECONDS : Number(values.warmup),
        seed: async () => ({ id: await seedProject(pool, annotators, SIZES[0]), items: SIZES[0] }),
        measure,
        log,
      });
      runs.push(...webhookRounds.runs);
    } else {
      for (const project of projects) {
        // Each run starts from a vacuumed table: otherwise the garbage of the run before (each cycle
        // rewrites two item rows) sets off autovacuum of the whole items table during this one.
        await pool.query("VACUUM ANALYZE items, assignments, annotations");
        runs.push(await measure(`${project.items} items`, project));
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await restoreAutovacuum();
  }
  reportQueue(
    {
      annotators: ANNOTATORS,
      seconds: SECONDS,
      servers: SERVERS,
      history: HISTORY > 0,
      webhookSlow: WEBHOOK_SLOW,
    },
    {
      baseline,
      runs,
      history,
      withHook: webhookRounds?.withHook ?? null,
      webhooks: webhookRounds?.webhooks ?? null,
    },
  );
  await disconnectDb();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
