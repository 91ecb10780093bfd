// npm run bench:export — a frozen eval-set version of 1,000,000 items exported as canonical JSONL
// through the HTTP API, on a fresh embedded PostgreSQL. Prints JSON, with a raw COPY … TO STDOUT of
// the same frozen rows in the same order as the baseline and the export's time as a ratio of it.
//
// The server is the app process `npm start` runs (lib/cli/serve/serve.ts on the production build,
// built first when the sources changed), so the benchmark measures what runs in production. Its
// memory is read from /proc (VmRSS sampled, and VmHWM after resetting it), so the client's own
// buffers never count. The frozen rows are inserted with generate_series and sealed by the same
// code as a freeze.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "../serve/build-if-needed";
import { startAppProcess } from "../serve/local-services";
import { againstBaseline, judgeTargets, startBenchDatabase } from "./bench-setup";
import { timeCopyOut } from "./copy-baseline";

const { values } = parseArgs({ options: { items: { type: "string", default: "1000000" } } });
const log = (line: string) => console.error(`[bench:export] ${line}`);

async function seed(count: number) {
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { getPool } = await import("@/lib/db");
  const { sealVersion } = await import("@/lib/server/eval-sets/seal-version");
  const { canonicalJsonFast } = await import("@/lib/label-definitions/canonical-json-fast");
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const { rows: sets } = await client.query<{ id: string }>(
      `INSERT INTO eval_sets (project_id, name, filter, created_by_id) VALUES ($1, 'bench', '{}', $2) RETURNING id`,
      [project.id, lead.id],
    );
    const { rows: versions } = await client.query<{ id: string }>(
      `INSERT INTO eval_set_versions (eval_set_id, version, filter, frozen_by_id) VALUES ($1, 1, '{}', $2) RETURNING id`,
      [sets[0].id, lead.id],
    );
    const started = performance.now();
    // ~250 bytes a line: a sentence of text, a source, a small object, one label. Frozen rows hold
    // canonical JSON text; built here in SQL with the keys in canonical order (checked below).
    await client.query(
      `INSERT INTO eval_set_items (version_id, item_id, external_id, data_json, labels_json)
       SELECT $1, g, 'item-' || g,
              '{"meta":{"lang":"en","length":' || (60 + g % 97) || '},"source":"bench","text":'
                || to_json('Review ' || g || ': the service was ' || (ARRAY['great','slow','friendly','cold'])[1 + g % 4]
                   || ' and the food ' || (ARRAY['fresh','bland','superb','late'])[1 + (g / 7) % 4]
                   || '; we waited ' || g % 60 || ' minutes for a table by the window.')::text || '}',
              '{"sentiment":' || to_json((ARRAY['positive','negative','neutral','mixed'])[1 + g % 4])::text || '}'
         FROM generate_series(1, $2::int) AS g`,
      [versions[0].id, count],
    );
    const { rows: sample } = await client.query<{ data_json: string; labels_json: string }>(
      "SELECT data_json, labels_json FROM eval_set_items WHERE version_id = $1 ORDER BY item_id LIMIT 1000",
      [versions[0].id],
    );
    for (const row of sample) {
      for (const text of [row.data_json, row.labels_json]) {
        if (canonicalJsonFast(JSON.parse(text)) !== text) throw new Error(`not canonical JSON: ${text}`);
      }
    }
    const inserted = (performance.now() - started) / 1000;
    const sealed = await sealVersion(client, {
      versionId: versions[0].id,
      labelKeys: ["sentiment"],
      manifestFor: (s) => ({ name: "bench", version: 1, sha256: s.sha256, items: s.rows }),
    });
    await client.query("COMMIT");
    const setupSeconds = {
      insert: round(inserted),
      seal: round((performance.now() - started) / 1000 - inserted),
    };
    return { token: lead.token, evalSetId: sets[0].id, versionId: versions[0].id, sealed, setupSeconds };
  } finally {
    client.release();
  }
}

/** User + system CPU seconds of a process so far (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

function get(url: string, token: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${token}` } }, resolve).on("error", reject);
  });
}

async function main() {
  const count = Number(values.items);
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { disconnectDb } = await import("@/lib/db");
  const { token, evalSetId, versionId, sealed, setupSeconds } = await seed(count);
  await disconnectDb();

  buildIfNeeded(log);
  const app = await startAppProcess({
    databaseUrl: database.url,
    secret: randomBytes(32).toString("base64url"),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const { url } = app;
  const pid = app.child.pid!;
  try {
    // Warm up the server (modules, connection pool, token lookup) on a small request first.
    const warm = await get(`${url}/api/v1/eval-sets/${evalSetId}/versions/1`, token);
    warm.resume();
    await once(warm, "end");
    const baselineRss = procStatus(pid, "VmRSS");
    writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
    let sampledPeak = baselineRss;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, procStatus(pid, "VmRSS"))), 20);

    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    const response = await get(`${url}/api/v1/eval-sets/${evalSetId}/versions/1/export?format=jsonl`, token);
    if (response.statusCode !== 200) throw new Error(`export answered ${response.statusCode}`);
    const hash = createHash("sha256");
    let firstByteMs = 0;
    let bytes = 0;
    let rows = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const peakRss = Math.max(sampledPeak, procStatus(pid, "VmHWM"));
    const serverCpuSeconds = cpuSeconds(pid) - cpuBefore;
    const sha256 = hash.digest("hex");
    // The id is a uuid the seed made: COPY takes no parameters.
    const copy = await timeCopyOut(
      database.url,
      `SELECT external_id, data_json, labels_json FROM eval_set_items WHERE version_id = '${versionId}' ORDER BY item_id`,
    );
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(
      JSON.stringify(
        {
          benchmark: "export",
          server: "the app process of npm start (lib/cli/serve/serve.ts, production build)",
          rows,
          bytes,
          seconds: round(seconds),
          rowsPerSecond: Math.round(rows / seconds),
          baseline: { work: "raw COPY TO STDOUT of the same frozen rows in order", bytes: copy.bytes },
          secondsVersusRawCopy: againstBaseline(seconds, copy.seconds, "s"),
          timeToFirstByteMs: Math.round(firstByteMs),
          // Wall-clock rates depend on what else the machine runs; CPU time does much less.
          serverCpuSeconds: round(serverCpuSeconds),
          rowsPerServerCpuSecond: Math.round(rows / serverCpuSeconds),
          loadAverage: os.loadavg().map(round),
          serverBaselineRssMb: mb(baselineRss),
          serverPeakRssMb: mb(peakRss),
          serverRssGrowthMb: mb(peakRss - baselineRss),
          sha256Verified: sha256 === sealed.sha256 && rows === count,
          setupSeconds,
          targets: { rowsPerSecond: 100_000, timeToFirstByteMs: 500, serverRssGrowthMb: 200 },
          missed: judgeTargets({
            "sha256 verified": sha256 === sealed.sha256 && rows === count,
            "rows/s >= 100,000": rows / seconds >= 100_000,
            "time to first byte <= 500 ms": firstByteMs <= 500,
            "server RSS growth <= 200 MB": peakRss - baselineRss <= 200 * 1024 * 1024,
          }),
        },
        null,
        2,
      ),
    );
  } finally {
    await app.stop();
    await database.stop();
  }
}

function round(n: number): number {
  return Number(n.toFixed(2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
