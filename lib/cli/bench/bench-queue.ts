// npm run bench:queue — 50 simulated annotators (claim, then submit, no think time) through the
// HTTP API of the app process `npm start` runs (one or more of them) on one embedded PostgreSQL, for a project of
// 1,000,000 items and one of 10,000, overlap 3. Prints JSON: cycles/s, latencies, and an audit.
// With --webhook-slow: three projects of the same size, run in turn, without a hook, with a hook on
// item.completed whose receiver answers after 5 s, and with one whose receiver never answers; then
// the receiver recovers and the outbox must drain, every event delivered.
import http from "node:http";
import zlib from "node:zlib";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { judgeTargets, startBenchDatabase } from "./bench-setup";
import { buildIfNeeded } from "../serve/build-if-needed";
import { startAppProcess, type TAppProcess } from "../serve/local-services";
import { WEBHOOK_BENCH_ENV, drainAndCount, hookProject, startBenchReceiver } from "./bench-webhooks";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    annotators: { type: "string", default: "50" },
    servers: { type: "string", default: "1" },
    sizes: { type: "string", default: "1000000,10000" },
    "webhook-slow": { type: "boolean", default: false },
  },
});
const WEBHOOK_SLOW = values["webhook-slow"]!;
const SECONDS = Number(values.seconds);
const ANNOTATORS = Number(values.annotators);
const SERVERS = Number(values.servers);
// --webhook-slow compares like with like: three projects of one size (the first given).
const SIZES = values
  .sizes!.split(",")
  .map(Number)
  .slice(0, WEBHOOK_SLOW ? 1 : undefined);
const HOOKS: (null | "slow" | "never")[] = WEBHOOK_SLOW ? [null, "slow", "never"] : SIZES.map(() => null);
const log = (line: string) => console.error(`[bench:queue] ${line}`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

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
        env: { DATABASE_POOL_SIZE: "20", ...(WEBHOOK_SLOW ? WEBHOOK_BENCH_ENV : {}) },
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

async function runProject(urls: string[], projectId: string, tokens: string[]) {
  const claim: number[] = [];
  const submit: number[] = [];
  let cycles = 0;
  let errors = 0;
  const labels = ["pos", "neg", "neu"];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
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
  claim.sort((a, b) => a - b);
  submit.sort((a, b) => a - b);
  // A small project can run out before the time is up: the rate is over the time actually spent.
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds: Number(seconds.toFixed(1)),
    finishedTheProject: emptied,
    cycles,
    errors,
    cyclesPerSecond: Math.round(cycles / seconds),
    claimMs: { p50: percentile(claim, 50), p95: percentile(claim, 95), p99: percentile(claim, 99) },
    submitMs: { p50: percentile(submit, 50), p95: percentile(submit, 95), p99: percentile(submit, 99) },
  };
}

async function main() {
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { getPool, disconnectDb } = await import("@/lib/db");
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const pool = getPool();
  const annotators = await Promise.all(Array.from({ length: ANNOTATORS }, () => createTestUser()));
  const projects: { id: string; items: number; hook: null | "slow" | "never" }[] = [];
  const receiver = WEBHOOK_SLOW ? await startBenchReceiver() : null;
  for (const [n, hook] of HOOKS.entries()) {
    const size = SIZES[WEBHOOK_SLOW ? 0 : n];
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
  await pool.query("VACUUM ANALYZE items");
  buildIfNeeded(log);
  const servers = await startServers(database.url);
  const results: Record<string, unknown>[] = [];
  let webhooks: Awaited<ReturnType<typeof drainAndCount>> | null = null;
  try {
    for (const project of projects) {
      // Each run starts from a vacuumed table: otherwise the garbage of the run before (each cycle
      // rewrites two item rows) sets off autovacuum of the whole items table during this one.
      await pool.query("VACUUM ANALYZE items, assignments, annotations");
      const vacuums = () =>
        pool
          .query<{ n: number }>(
            "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)::int AS n FROM pg_stat_user_tables",
          )
          .then((r) => r.rows[0].n);
      const vacuumsBefore = await vacuums();
      if (receiver && project.hook) receiver.state.mode = project.hook;
      log(
        `${ANNOTATORS} annotators for ${SECONDS}s on ${project.items} items through ${SERVERS} server(s)` +
          (project.hook
            ? `, a hook on item.completed answering ${project.hook === "slow" ? "after 5 s" : "never"}`
            : ""),
      );
      const run = await runProject(
        servers.map((s) => s.url),
        project.id,
        annotators.map((a) => a.token),
      );
      const autovacuumsDuringRun = (await vacuums()) - vacuumsBefore;
      const audit = await pool.query<{ duplicates: number; overshoot: number; counter_mismatch: number }>(
        `SELECT
           (SELECT count(*)::int FROM (SELECT 1 FROM annotations WHERE project_id = $1 AND is_current
              GROUP BY item_id, user_id, definition_id HAVING count(*) > 1) d) AS duplicates,
           (SELECT count(*)::int FROM (SELECT item_id FROM annotations WHERE project_id = $1 AND is_current
              GROUP BY item_id HAVING count(DISTINCT user_id) > 3) o) AS overshoot,
           (SELECT count(*)::int FROM items i WHERE i.project_id = $1 AND i.done_count <>
              (SELECT count(*) FROM assignments a WHERE a.item_id = i.id AND a.status = 'submitted')) AS counter_mismatch`,
        [project.id],
      );
      results.push({
        items: project.items,
        ...(WEBHOOK_SLOW ? { hook: project.hook ?? "none" } : {}),
        ...run,
        autovacuumsDuringRun,
        audit: audit.rows[0],
      });
    }
    if (receiver) {
      receiver.state.mode = "ok";
      const hooked = projects.filter((p) => p.hook).map((p) => p.id);
      webhooks = await drainAndCount(pool, hooked, receiver.received, log);
      await receiver.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  const withHook = WEBHOOK_SLOW
    ? webhookComparison(results as { hook: string; cyclesPerSecond: number }[])
    : null;
  const bySize = [...(results as { items: number; claimMs: { p50: number } }[])].sort(
    (a, b) => b.items - a.items,
  );
  const [big, small] = [bySize[0], bySize[bySize.length - 1]];
  const p50RatioLargeToSmall =
    bySize.length > 1 ? Number((big.claimMs.p50 / small.claimMs.p50).toFixed(2)) : null;
  const checked = results as {
    items: number;
    errors: number;
    cyclesPerSecond: number;
    claimMs: { p99: number };
    audit: { duplicates: number; overshoot: number; counter_mismatch: number };
  }[];
  const missed = judgeTargets(
    Object.fromEntries(
      checked
        .flatMap((r) => [
          [`${r.items} items: no errors`, r.errors === 0],
          [
            `${r.items} items: audit clean`,
            !r.audit.duplicates && !r.audit.overshoot && !r.audit.counter_mismatch,
          ],
          [`${r.items} items: cycles/s >= 300`, r.cyclesPerSecond >= 300],
          [`${r.items} items: claim p99 <= 50 ms`, r.claimMs.p99 <= 50],
        ])
        .concat(
          WEBHOOK_SLOW
            ? [
                ["cycles/s with a slow hook within 5% of without", withHook!.slowWithin5Percent],
                ["cycles/s with a dead hook within 5% of without", withHook!.neverWithin5Percent],
                [
                  "every event delivered once the receiver recovered",
                  webhooks?.everyEventDeliveredOnce ?? false,
                ],
              ]
            : [["p50 ratio <= 1.5", p50RatioLargeToSmall === null || p50RatioLargeToSmall <= 1.5]],
        ),
    ),
  );
  console.log(
    JSON.stringify(
      {
        benchmark: "queue",
        annotators: ANNOTATORS,
        seconds: SECONDS,
        servers: SERVERS,
        runs: results,
        p50RatioLargeToSmall: WEBHOOK_SLOW ? null : p50RatioLargeToSmall,
        ...(WEBHOOK_SLOW ? { withHook, webhooks } : {}),
        targets: { claimP99Ms: 50, cyclesPerSecond: 300, p50Ratio: 1.5, duplicates: 0, overshoot: 0 },
        missed,
      },
      null,
      2,
    ),
  );
  await disconnectDb();
  await database.stop();
}

function webhookComparison(runs: { hook: string; cyclesPerSecond: number }[]) {
  const rate = (hook: string) => runs.find((r) => r.hook === hook)?.cyclesPerSecond ?? 0;
  const without = rate("none");
  const change = (hook: string) => Number((((rate(hook) - without) / without) * 100).toFixed(1));
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
