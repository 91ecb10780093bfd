// One timed run of bench:queue: the simulated annotators claiming and submitting through the app's
// HTTP API, the app processes they talk to, and the audit of the project afterwards.
import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { startAppProcess, type TAppProcess } from "../serve/local-services";
import { latencies } from "./bench-setup";
import { send } from "./bench-http";

export async function startServers(
  databaseUrl: string,
  count: number,
  env: Record<string, string>,
): Promise<TAppProcess[]> {
  const secret = randomBytes(32).toString("base64url");
  const servers: TAppProcess[] = [];
  for (let n = 0; n < count; n++) {
    servers.push(
      await startAppProcess({
        databaseUrl,
        secret,
        // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
        nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean),
        env: { DATABASE_POOL_SIZE: "20", ...env },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  }
  return servers;
}

function post(url: string, headers: Record<string, string>, body?: string) {
  return send(url, { method: "POST", headers, body });
}

/**
 * Each token an annotator claiming and submitting, no think time, for `seconds` (or until `signal`
 * aborts) or until the project runs out.
 */
export async function runProject(
  urls: string[],
  projectId: string,
  tokens: string[],
  seconds: number,
  signal?: AbortSignal,
) {
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
      while (performance.now() < deadline && !signal?.aborted) {
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

export type TQueueRun = Awaited<ReturnType<typeof runProject>> & {
  name: string;
  items: number;
  autovacuumsDuringRun: number;
  audit: { duplicates: number; overshoot: number; counter_mismatch: number };
};

export async function auditProject(pool: Pool, projectId: string) {
  // After the measured runs: fresh statistics (the history run holds autovacuum off, and a plan made
  // from the grown tables' stale statistics took hours here), then each check as one grouped pass.
  await pool.query("ANALYZE items, assignments, annotations");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL plan_cache_mode = force_custom_plan");
    const audit = await client.query<TQueueRun["audit"]>(
      `SELECT
       (SELECT count(*)::int FROM (SELECT 1 FROM annotations WHERE project_id = $1 AND is_current
          GROUP BY item_id, user_id, definition_id HAVING count(*) > 1) d) AS duplicates,
       (SELECT count(*)::int FROM (SELECT item_id FROM annotations WHERE project_id = $1 AND is_current
          GROUP BY item_id HAVING count(DISTINCT user_id) > 3) o) AS overshoot,
       (SELECT count(*)::int FROM items i
          LEFT JOIN (SELECT item_id, count(*) AS n FROM assignments
                      WHERE project_id = $1 AND status = 'submitted' GROUP BY item_id) s ON s.item_id = i.id
         WHERE i.project_id = $1 AND i.done_count <> coalesce(s.n, 0)) AS counter_mismatch`,
      [projectId],
    );
    await client.query("COMMIT");
    return audit.rows[0];
  } finally {
    client.release();
  }
}
