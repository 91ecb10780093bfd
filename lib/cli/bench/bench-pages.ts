// npm run bench:pages — every lead and engineer page fast on a big project while labeling goes on
// (issue #15). On a fresh embedded PostgreSQL: --items items with 3 labels each from --annotators
// annotators, imported as one file (synthetic-history.ts), every --split-every-th of them split
// three ways (unresolved, for the review queue); then --open-items open items for the queue, and
// one eval set whose filter samples --freeze-items; the imported items' review states are computed
// once (as the app's background refresher would; reported as reviewStates). Against the production app (`npm start`'s
// process), 50 annotators claim and submit for --seconds alone (after --warmup seconds unmeasured),
// then again while one reader times every page (HTML, to its last byte) and API read (waiting
// --pause-ms after each, default 0: back to back), --repeats rounds (cold: the first; warm: the
// rest); the eval-set preview and the freeze, which read the whole filter, --freeze-repeats rounds.
// Prints JSON: each read's times and its p95 as a ratio of a
// trivial authenticated read's (the floor), the queue's cycles/s alone and with the readers, both
// beside the bare-SQL queue baseline (queue-baseline.ts), and the machine's load average.
import os from "node:os";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "../serve/build-if-needed";
import { againstBaseline, judgeTargets, startBenchDatabase } from "./bench-setup";
import { send, signInCookie } from "./bench-http";
import { pagesChecks, summarizeReads } from "./pages-report";
import { buildPagesProject } from "./pages-project";
import {
  AGREEMENT_OVERVIEW_LIMIT_MS,
  FLOOR_READ,
  PAGE_LIMIT_MS,
  pagesReads,
  runReaders,
} from "./pages-reads";
import { runQueueBaseline } from "./queue-baseline";
import { auditProject, runProject, startServers } from "./queue-run";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "1000000" },
    // 1,200,000 claims: enough for 50 annotators through an hour of readers at full size.
    "open-items": { type: "string", default: "400000" },
    annotators: { type: "string", default: "200" },
    labelers: { type: "string", default: "50" },
    "split-every": { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    repeats: { type: "string", default: "20" },
    "freeze-items": { type: "string", default: "100000" },
    "freeze-repeats": { type: "string", default: "5" },
    warmup: { type: "string", default: "5" },
    // Milliseconds the reader waits after each read (0: back to back).
    "pause-ms": { type: "string", default: "0" },
  },
});
// Every option is a count, seconds or milliseconds: anything else stops the run, naming the option.
for (const [name, value] of Object.entries(values)) {
  if (!/^\d+(\.\d+)?$/.test(String(value))) {
    console.error(`bench:pages: --${name} must be a non-negative number, not ${JSON.stringify(value)}`);
    process.exit(2);
  }
}
const ITEMS = Number(values.items);
const LABELERS = Number(values.labelers);
const SECONDS = Number(values.seconds);
const REPEATS = Number(values.repeats);
const FREEZE_ITEMS = Number(values["freeze-items"]);
const MIN_QUEUE_RATIO = 0.8;
const log = (line: string) => console.error(`[bench:pages] ${line}`);
const loadAverage = () => os.loadavg().map((n) => Number(n.toFixed(2)));

async function main() {
  const loadAtStart = loadAverage();
  log(`load average at start: ${loadAtStart.join(" ")}`);
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { getPool, disconnectDb } = await import("@/lib/db");
  const pool = getPool();
  const project = await buildPagesProject(pool, {
    items: ITEMS,
    openItems: Number(values["open-items"]),
    annotators: Number(values.annotators),
    labelers: LABELERS,
    splitEvery: Number(values["split-every"]),
    log,
  });
  // The review states (and the final labels they keep) of every imported item, computed once as the
  // app's background refresher would over its first minutes, so the runs below measure a project in
  // its steady state (docs/decisions/036-stored-final-labels.md); how long it took is reported.
  const { loadLabelContext } = await import("@/lib/server/final-labels/load-label-context");
  const { refreshStaleReviewStates } = await import("@/lib/server/final-labels/refresh-stale-review-states");
  const statesStart = performance.now();
  const states = await refreshStaleReviewStates(
    pool,
    project.projectId,
    await loadLabelContext(pool, project.projectId),
  );
  const reviewStates = {
    items: states,
    seconds: Number(((performance.now() - statesStart) / 1000).toFixed(1)),
  };
  log(`computed ${states} review states in ${reviewStates.seconds} s`);
  log(`baseline: bare SQL from ${LABELERS} clients for ${SECONDS}s on ${project.built.openItems} items`);
  const baseline = await runQueueBaseline(database.url, {
    clients: LABELERS,
    seconds: SECONDS,
    items: project.built.openItems,
    overlap: 3,
  });
  await pool.query("VACUUM ANALYZE items, assignments, annotations");
  buildIfNeeded(log);
  const [server] = await startServers(database.url, 1, {});
  const base = server.url;
  const tokens = project.labelers.map((a) => a.token);
  try {
    const auth = {
      lead: {
        cookie: await signInCookie(base, project.lead.email, project.password),
        token: project.lead.token,
      },
      engineer: {
        cookie: await signInCookie(base, project.engineer.email, project.password),
        token: project.engineer.token,
      },
    };
    const evalSet = await createEvalSet(base, project.projectId, project.lead.token);
    const secondPage = await send(`${base}/api/v1/projects/${project.projectId}/items`, {
      headers: { authorization: `Bearer ${project.lead.token}` },
    });
    const apiCursor = (JSON.parse(secondPage.text) as { nextCursor: string | null }).nextCursor;
    if (apiCursor !== project.secondPageCursor)
      throw new Error(
        `page 2's cursor: the API says ${apiCursor}, the bench's SQL ${project.secondPageCursor}`,
      );

    // Unmeasured: the app process has just started, and its first requests load the routes' code.
    log(`warm-up: ${LABELERS} annotators for ${values.warmup}s`);
    await runProject([base], project.projectId, tokens, Number(values.warmup));
    log(`${LABELERS} annotators alone for ${SECONDS}s`);
    const alone = await runProject([base], project.projectId, tokens, SECONDS);
    log(`alone: ${alone.cyclesPerSecond} cycles/s; now with the readers, ${REPEATS} rounds`);
    const stop = new AbortController();
    const labeling = runProject([base], project.projectId, tokens, Infinity, stop.signal);
    const reads = pagesReads(project, evalSet, Number(values["freeze-repeats"]));
    const samples = await runReaders(base, reads, auth, REPEATS, log, Number(values["pause-ms"])).finally(
      () => stop.abort(),
    );
    const withReaders = await labeling;
    log(`with the readers: ${withReaders.cyclesPerSecond} cycles/s; load average ${loadAverage().join(" ")}`);
    const audit = await auditProject(pool, project.projectId);
    const summary = summarizeReads(reads, samples, FLOOR_READ);
    const checks = {
      ...pagesChecks(summary, {
        aloneCyclesPerSecond: alone.cyclesPerSecond,
        withReadersCyclesPerSecond: withReaders.cyclesPerSecond,
        minQueueRatio: MIN_QUEUE_RATIO,
      }),
      "queue: no errors": alone.errors + withReaders.errors === 0,
      "queue: never ran out of open items": !alone.finishedTheProject && !withReaders.finishedTheProject,
      "queue: audit clean": !audit.duplicates && !audit.overshoot && !audit.counter_mismatch,
    };
    const { rows: counts } = await pool.query<{ items: number; annotations: number }>(
      `SELECT (SELECT count(*)::int FROM items WHERE project_id = $1) AS items,
              (SELECT count(*)::int FROM annotations WHERE project_id = $1) AS annotations`,
      [project.projectId],
    );
    console.log(
      JSON.stringify(
        {
          benchmark: "pages",
          loadAverage: { start: loadAtStart, end: loadAverage(), cpus: os.cpus().length },
          project: {
            ...project.built,
            reviewStates,
            annotators: Number(values.annotators),
            unresolvedEvery: Number(values["split-every"]),
            atEnd: counts[0],
          },
          config: {
            labelers: LABELERS,
            seconds: SECONDS,
            warmupSeconds: Number(values.warmup),
            repeats: REPEATS,
            freezeItems: FREEZE_ITEMS,
            freezeRepeats: Number(values["freeze-repeats"]),
            readerPauseMs: Number(values["pause-ms"]),
          },
          deepPage: {
            page: project.deepPage,
            how: "its cursor found beforehand by SQL (items in id order, 50 a page), checked against the API's cursor of page 2",
          },
          floor: {
            work: "GET /api/v1/projects/{id} with the lead's API token: sign-in check, access check, one row",
            warmP95Ms: summary.floorP95,
          },
          reads: summary.reads,
          queue: {
            baseline: { work: "bare SQL claim + complete, one statement each", ...baseline },
            alone,
            withReaders,
            withReadersVsAlone: againstBaseline(
              withReaders.cyclesPerSecond,
              alone.cyclesPerSecond,
              "cycles/s",
            ),
            aloneVsBaseline: againstBaseline(alone.cyclesPerSecond, baseline.cyclesPerSecond, "cycles/s"),
            withReadersVsBaseline: againstBaseline(
              withReaders.cyclesPerSecond,
              baseline.cyclesPerSecond,
              "cycles/s",
            ),
            claimP99VsBaseline: {
              alone: againstBaseline(alone.claimMs.p99, baseline.claimMs.p99, "ms"),
              withReaders: againstBaseline(withReaders.claimMs.p99, baseline.claimMs.p99, "ms"),
            },
            audit,
          },
          targets: {
            judgedOn: "warm p95 (every visit after the first)",
            pageAndReadP95Ms: PAGE_LIMIT_MS,
            agreementOverviewP95Ms: AGREEMENT_OVERVIEW_LIMIT_MS,
            queueWithReadersVsAlone: MIN_QUEUE_RATIO,
          },
          missed: judgeTargets(checks),
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    await disconnectDb();
    await database.stop();
  }
}

/** The eval set the preview, freeze and export read: a sample of --freeze-items resolved items. */
async function createEvalSet(base: string, projectId: string, token: string) {
  const filter = {
    definitions: ["sentiment"],
    resolution: "resolved",
    sample: { size: FREEZE_ITEMS, seed: 1 },
  };
  const created = await send(`${base}/api/v1/projects/${projectId}/eval-sets`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", filter }),
  });
  if (created.status !== 201) throw new Error(`creating the eval set: ${created.status} ${created.text}`);
  return { id: (JSON.parse(created.text) as { id: string }).id, filter };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
