// npm run bench:queue — 50 simulated annotators (claim, then submit, no think time) through the
// HTTP API of the app process `npm start` runs (one or more of them) on one embedded PostgreSQL, for a project of
// 1,000,000 items and one of 10,000, overlap 3. Prints JSON: cycles/s, latencies, and an audit, and the
// same work as bare SQL from as many clients (queue-baseline.ts) with each run's ratio to it.
//
// --history N (e.g. 3000000): one project of --items open items, run once empty, then given N past
// assignments while the app's connections stay open, with their plans cached and forced generic
// (plan_cache_mode), and run again: claim and submit p50/p99 should stay within 1.2x (issue #15).
//
// --webhook-slow: three projects of the same size, run in turn, without a hook, with a hook on
// item.completed whose receiver answers after 5 s, and with one whose receiver never answers; then
// the receiver recovers and the outbox must drain, every event delivered.
import http from "node:http";
import type { Pool } from "pg";
import zlib from "node:zlib";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { againstBaseline, judgeTargets, latencies, startBenchDatabase } from "./bench-setup";
import { runQueueBaseline } from "./queue-baseline";
import { growQueueHistory, holdAutovacuum } from "./queue-history";
import { buildIfNeeded } from "../serve/build-if-needed";
import { startAppProcess, type TAppProcess } from "../serve/local-services";
import { WEBHOOK_BENCH_ENV, drainAndCount, hookProject, startBenchReceiver } from "./bench-webhooks";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    annotators: { type: "string", default: "50" },
    servers: { type: "string", default: "1" },
    sizes: { type: "string", default: "1000000,10000" },
    history: { type: "string", default: "0" },
    items: { type: "string", default: "100000" },
    warmup: { type: "string", default: "5" },
    "webhook-slow": { type: "boolean", default: false },
  },
});
const WEBHOOK_SLOW = values["webhook-slow"]!;
const HISTORY = Number(values.history);
const SECONDS = Number(values.seconds);
const ANNOTATORS = Number(values.annotators);
const SERVERS = Number(values.servers);
const SIZES = values.sizes!.split(",").map(Number);
type THook = null | "slow" | "never";
// --webhook-slow compares like with like: three projects of one size (the first given).
const HOOKS: THook[] = WEBHOOK_SLOW ? [null, "slow", "never"] : SIZES.map(() => null);
const log = (line: string) => console.error(`[bench:queue] ${line}`);

async function startServers(databaseUrl: string): Promise<TAppProcess[]> {
  const secret = randomBytes(32).toString("base64url");
  const servers: TAppProcess[] = [];
  for (let n = 0; n < SERVERS; n++) {
    servers.push(
      await startAppProcess({
        databaseUrl,
        secret,
        // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
        nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean),
        // Idle connections stay open in the history run: they carry the plans cached before it grew.
        env: {
          DATABASE_POOL_SIZE: "20",
          ...(HISTORY ? { DATABASE_POOL_IDLE_MS: "0" } : {}),
          ...(WEBHOOK_SLOW ? WEBHOOK_BENCH_ENV : {}),
        },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  }
  return servers;
}

// The load generator shares the two cores with the server and PostgreSQL, so it uses node:http with
// keep-alive (a third of fetch's CPU per request) and leaves more of the machine to what is measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        // Sent like a browser (accept-encoding), so a compressed answer is decoded and paid for here.
        const raw = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const decoded =
          encoding === "gzip"
            ? zlib.gunzipSync(raw)
            : encoding === "br"
              ? zlib.brotliDecompressSync(raw)
              : encoding === "deflate"
                ? zlib.inflateSync(raw)
                : raw;
        resolve({ status: response.statusCode ?? 0, text: decoded.toString("utf8") });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function runProject(urls: string[], projectId: string, tokens: string[], seconds = SECONDS) {
  const claim: number[] = [];
  const submit: number[] = [];
  let cycles = 0;
  let errors = 0;
  const labels = ["pos", "neg", "neu"];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let emptied = false;
  await Promise.all(
    tokens.map(async (token, n) => {
      const base = urls[n % urls.length];
      const headers = {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "accept-encoding": "gzip, deflate, br",
      };
      while (performance.now() < deadline) {
        let t = performance.now();
        const next = await post(`${base}/api/v1/projects/${projectId}/queue/next`, headers);
        claim.push(performance.now() - t);
        if (next.status === 204) {
          emptied = true;
          return;
        }
        if (next.status !== 200) {
          errors++;
          continue;
        }
        const served = JSON.parse(next.text) as { assignmentId: string };
        t = performance.now();
        const res = await post(
          `${base}/api/v1/assignments/${served.assignmentId}/submit`,
          headers,
          JSON.stringify({ values: { sentiment: labels[(n + cycles) % 3] } }),
        );
        submit.push(performance.now() - t);
        if (res.status === 201) cycles++;
        else errors++;
      }
    }),
  );
  // A small project can run out before the time is up: the rate is over the time actually spent.
  const spent = (performance.now() - started) / 1000;
  return {
    seconds: Number(spent.toFixed(1)),
    finishedTheProject: emptied,
    cycles,
    errors,
    cyclesPerSecond: Math.round(cycles / spent),
    claimMs: latencies(claim),
    submitMs: latencies(submit),
  };
}

type TRun = Awaited<ReturnType<typeof runProject>> & {
  name: string;
  items: number;
  autovacuumsDuringRun: number;
  audit: { duplicates: number; overshoot: number; counter_mismatch: number };
};

async function auditProject(pool: Pool, projectId: string) {
  // Planned for this query alone: the history run forces generic plans on every connection, and one
  // made from the stale statistics of the grown tables (autovacuum held off) would take hours here.
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL plan_cache_mode = force_custom_plan");
    const audit = await client.query<TRun["audit"]>(
      `SELECT
       (SELECT count(*)::int FROM (SELECT 1 FROM annotations WHERE project_id = $1 AND is_current
          GROUP BY item_id, user_id, definition_id HAVING count(*) > 1) d) AS duplicates,
       (SELECT count(*)::int FROM (SELECT item_id FROM annotations WHERE project_id = $1 AND is_current
          GROUP BY item_id HAVING count(DISTINCT user_id) > 3) o) AS overshoot,
       (SELECT count(*)::int FROM items i WHERE i.project_id = $1 AND i.done_count <>
          (SELECT count(*) FROM assignments a WHERE a.item_id = i.id AND a.status = 'submitted')) AS counter_mismatch`,
      [projectId],
    );
    await client.query("COMMIT");
    return audit.rows[0];
  } finally {
    client.release();
  }
}

async function main() {
  const database = await startBenchDatabase();
  // Named, so the history check can tell the app's connections from the benchmark's own.
  process.env.DATABASE_URL = `${database.url}${database.url.includes("?") ? "&" : "?"}application_name=concord-bench`;
  const { getPool, disconnectDb } = await import("@/lib/db");
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const pool = getPool();
  const { escapeIdentifier } = await import("pg");
  let restoreAutovacuum: () => Promise<void> = async () => undefined;
  if (HISTORY) {
    // Every connection the app opens caches generic plans, as one that served for hours would.
    const name = (await pool.query<{ db: string }>("SELECT current_database() AS db")).rows[0].db;
    await pool.query(`ALTER DATABASE ${escapeIdentifier(name)} SET plan_cache_mode = force_generic_plan`);
    restoreAutovacuum = await holdAutovacuum(pool);
  }
  const annotators = await Promise.all(Array.from({ length: ANNOTATORS }, () => createTestUser()));
  const projects: { id: string; items: number; hook: THook }[] = [];
  const receiver = WEBHOOK_SLOW ? await startBenchReceiver() : null;
  for (const [n, hook] of (HISTORY ? [null] : HOOKS).entries()) {
    const size = HISTORY ? Number(values.items) : SIZES[WEBHOOK_SLOW ? 0 : n];
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
    if (hook && receiver) await hookProject(pool, project.id, receiver.url);
    projects.push({ id: project.id, items: size, hook });
  }
  const baselineItems = Math.max(...projects.map((p) => p.items));
  log(`baseline: bare SQL from ${ANNOTATORS} clients for ${SECONDS}s on ${baselineItems} items`);
  const baseline = await runQueueBaseline(database.url, {
    clients: ANNOTATORS,
    seconds: SECONDS,
    items: baselineItems,
    overlap: 3,
  });
  await pool.query("VACUUM ANALYZE items, assignments, annotations");
  buildIfNeeded(log);
  const servers = await startServers(database.url);
  const vacuums = () =>
    pool
      .query<{ n: number }>(
        "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::int AS n FROM pg_stat_user_tables",
      )
      .then((r) => r.rows[0].n);
  const urls = servers.map((s) => s.url);
  const tokens = annotators.map((a) => a.token);
  const measure = async (name: string, project: { id: string; items: number }): Promise<TRun> => {
    const vacuumsBefore = await vacuums();
    log(
      `${name}: ${ANNOTATORS} annotators for ${SECONDS}s on ${project.items} items through ${SERVERS} server(s)`,
    );
    const run = await runProject(urls, project.id, tokens);
    const autovacuumsDuringRun = (await vacuums()) - vacuumsBefore;
    return {
      name,
      items: project.items,
      ...run,
      autovacuumsDuringRun,
      audit: await auditProject(pool, project.id),
    };
  };
  const runs: TRun[] = [];
  let history: Record<string, unknown> | null = null;
  let webhooks: Awaited<ReturnType<typeof drainAndCount>> | null = null;
  try {
    if (HISTORY) {
      const [project] = projects;
      runs.push(await measure("empty history", project));
      const grownAt = new Date();
      const seconds = await growQueueHistory(pool, {
        projectId: project.id,
        annotatorIds: annotators.map((a) => a.id),
        count: HISTORY,
        overlap: 3,
        log,
      });
      runs.push(await measure(`${HISTORY} past assignments`, project));
      const connections = await pool.query<{ before: number; after: number }>(
        `SELECT count(*) FILTER (WHERE backend_start < $1)::int AS before, count(*) FILTER (WHERE backend_start >= $1)::int AS after
           FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
            AND application_name <> 'concord-bench' AND pid <> pg_backend_pid()`,
        [grownAt],
      );
      const [empty, grown] = runs;
      const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
      history = {
        pastAssignments: HISTORY,
        secondsToAdd: seconds,
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
    } else {
      for (const project of projects) {
        // Each run starts from a vacuumed table: otherwise the garbage of the run before (each cycle
        // rewrites two item rows) sets off autovacuum of the whole items table during this one.
        await pool.query("VACUUM ANALYZE items, assignments, annotations");
        if (receiver && project.hook) receiver.state.mode = project.hook;
        runs.push(
          await measure(
            `${project.items} items${WEBHOOK_SLOW ? `, hook ${project.hook ?? "none"}` : ""}`,
            project,
          ),
        );
      }
    }
    if (receiver) {
      receiver.state.mode = "ok";
      const hooked = projects.filter((p) => p.hook).map((p) => p.id);
      webhooks = await drainAndCount(pool, hooked, receiver.received, log);
      await receiver.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await restoreAutovacuum();
  }
  const bySize = [...runs].sort((a, b) => b.items - a.items);
  const [big, small] = [bySize[0], bySize[bySize.length - 1]];
  const p50RatioLargeToSmall =
    !HISTORY && !WEBHOOK_SLOW && bySize.length > 1
      ? Number((big.claimMs.p50 / small.claimMs.p50).toFixed(2))
      : null;
  const withHook = WEBHOOK_SLOW
    ? webhookComparison(runs.map((r, n) => ({ ...r, hook: projects[n].hook })))
    : null;
  const versusBaseline = runs.map((r) => ({
    run: r.name,
    cyclesPerSecond: againstBaseline(r.cyclesPerSecond, baseline.cyclesPerSecond, "cycles/s"),
    claimP99: againstBaseline(r.claimMs.p99, baseline.claimMs.p99, "ms"),
  }));
  const historyRatios = (history?.ratioToEmpty ?? {}) as Record<string, number>;
  const missed = judgeTargets(
    Object.fromEntries([
      ...runs.flatMap((r) => [
        [`${r.name}: no errors`, r.errors === 0],
        [`${r.name}: audit clean`, !r.audit.duplicates && !r.audit.overshoot && !r.audit.counter_mismatch],
        [`${r.name}: cycles/s >= 300`, r.cyclesPerSecond >= 300],
        [`${r.name}: claim p99 <= 50 ms`, r.claimMs.p99 <= 50],
      ]),
      ...versusBaseline.flatMap((v) => [
        [`${v.run}: cycles/s >= 0.7x baseline`, (v.cyclesPerSecond.ratio ?? 0) >= 0.7],
        [`${v.run}: claim p99 <= 1.5x baseline`, (v.claimP99.ratio ?? Infinity) <= 1.5],
      ]),
      ...Object.entries(historyRatios).map(([name, r]) => [`history: ${name} <= 1.2x empty`, r <= 1.2]),
      ["p50 ratio <= 1.5", p50RatioLargeToSmall === null || p50RatioLargeToSmall <= 1.5],
      ...(withHook
        ? [
            ["cycles/s with a slow hook within 5% of without", withHook.slowWithin5Percent],
            ["cycles/s with a dead hook within 5% of without", withHook.neverWithin5Percent],
            ["every event delivered once the receiver recovered", webhooks?.everyEventDeliveredOnce ?? false],
          ]
        : []),
    ]),
  );
  console.log(
    JSON.stringify(
      {
        benchmark: "queue",
        annotators: ANNOTATORS,
        seconds: SECONDS,
        servers: SERVERS,
        baseline: { work: "bare SQL claim + complete, one statement each", ...baseline },
        runs,
        versusBaseline,
        history,
        p50RatioLargeToSmall,
        ...(WEBHOOK_SLOW ? { withHook, webhooks } : {}),
        targets: {
          claimP99Ms: 50,
          cyclesPerSecond: 300,
          p50Ratio: 1.5,
          duplicates: 0,
          overshoot: 0,
          cyclesVsBaseline: 0.7,
          claimP99VsBaseline: 1.5,
          historyVsEmpty: 1.2,
        },
        missed,
      },
      null,
      2,
    ),
  );
  await disconnectDb();
  await database.stop();
}

function webhookComparison(runs: { hook: THook; cyclesPerSecond: number }[]) {
  const rate = (hook: THook) => runs.find((r) => r.hook === hook)?.cyclesPerSecond ?? 0;
  const without = rate(null);
  const change = (hook: THook) => Number((((rate(hook) - without) / without) * 100).toFixed(1));
  return {
    cyclesPerSecondWithoutHook: without,
    cyclesPerSecondSlowHook: rate("slow"),
    cyclesPerSecondDeadHook: rate("never"),
    slowChangePercent: change("slow"),
    neverChangePercent: change("never"),
    slowWithin5Percent: Math.abs(change("slow")) <= 5,
    neverWithin5Percent: Math.abs(change("never")) <= 5,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
