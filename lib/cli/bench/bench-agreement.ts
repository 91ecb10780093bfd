// npm run bench:agreement — one single-choice definition (4 categories) with 1,000,000 current
// annotations (333,334 items x 3 annotators, drawn from 20, each right 75-91% of the time)
// in 4 batches over 8 weeks, generated with SQL on a fresh embedded PostgreSQL; then the agreement
// endpoints are called through their route handlers, cold (cache cleared) and warm. Prints JSON, with
// the bare SQL that reads every current annotation of the definition into per-item value counts
// (what agreement is computed from) as the baseline, and the overview's cold time as a ratio of it.
// Then the review queue, next unresolved, the bulk majority preview and the drill-down's annotator
// pairs (bench-review.ts), each beside its bare SQL.
// `--ranking` adds, in the same run, a project of the same number of items whose definition ranks
// 4 responses (3 annotators an item, each copying the item's true order or drawing another), and
// reports its cold overview beside the single-choice one (issue 13: within 2x).
import { parseArgs } from "node:util";
import type pg from "pg";
import { againstBaseline, judgeTargets, median, startBenchDatabase } from "./bench-setup";
import { benchReview } from "./bench-review";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "333334" },
    runs: { type: "string", default: "3" },
    ranking: { type: "boolean", default: false },
  },
});
const itemCount = Number(values.items);
const runs = Number(values.runs);

/** The 24 orders of 4 responses, as dense rankings (JSON texts). */
const PERMUTATIONS = ((): string[] => {
  const out: string[] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === 4) out.push(JSON.stringify(prefix));
    for (let r = 1; r <= 4; r++) if (!prefix.includes(r)) walk([...prefix, r]);
  };
  walk([]);
  return out;
})();

/** A single-choice label, or (ranking) a ranking of 4 responses copying the item's true order 75-91% of the time. */
const VALUE_SQL = {
  single: `to_jsonb((ARRAY['positive', 'negative', 'neutral', 'mixed'])[1 +
                CASE WHEN random() < 0.75 + 0.04 * (s.k % 5) THEN s.truth ELSE (s.truth + 1 + floor(random() * 3)::int) % 4 END])`,
  ranking: `($3::text[])[1 + CASE WHEN random() < 0.75 + 0.04 * (s.k % 5) THEN s.truth * 6
                ELSE floor(random() * 24)::int END]::jsonb`,
};

/** Items, then three submitted assignments and annotations per item, all in SQL. */
async function generate(
  pool: pg.Pool,
  projectId: string,
  definitionId: string,
  kind: "single" | "ranking" = "single",
): Promise<number> {
  const key = kind === "single" ? "sentiment" : "rank";
  const client = await pool.connect();
  try {
    await client.query("SELECT setseed(0.42)");
    await client.query(
      `INSERT INTO users (email, name, password_hash)
       SELECT 'bench-annotator-' || g || '-' || $1::text || '@example.com', 'Annotator ' || g, '!' FROM generate_series(1, 20) g`,
      [projectId],
    );
    await client.query(
      `INSERT INTO batches (project_id, name, format, item_count, duplicate_count, created_at)
       SELECT $1, 'Batch ' || b, 'jsonl', 0, 0, timestamptz '2026-09-07' + (b - 1) * interval '14 days'
         FROM generate_series(1, 4) b`,
      [projectId],
    );
    await client.query(
      `INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count, created_at)
       SELECT $1::uuid, b.id, 'item-' || g, md5(g::text), jsonb_build_object('text', 'Review number ' || g), 3, 3,
              timestamptz '2026-09-07' + (g::float8 / $2::int) * interval '56 days'
         FROM generate_series(0, $2::int - 1) g
         JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM batches WHERE project_id = $1::uuid) b
           ON b.k = g * 4 / $2::int`,
      [projectId, itemCount],
    );
    // Each item has a true category (40/30/20/10%); annotator k copies it with probability
    // 0.75 + 0.04 (k mod 5), else picks one of the other three: about 70% of pairs agree.
    await client.query(
      `CREATE TEMP TABLE bench_slots AS
       WITH u AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users WHERE email LIKE 'bench-annotator-%-' || $1::text || '@example.com'),
            drawn AS (SELECT id AS item_id, created_at, row_number() OVER (ORDER BY id) - 1 AS g, random() AS r
                    FROM items WHERE project_id = $1::uuid),
            t AS (SELECT drawn.*, CASE WHEN r < 0.4 THEN 0 WHEN r < 0.7 THEN 1 WHEN r < 0.9 THEN 2 ELSE 3 END AS truth FROM drawn),
            s AS (SELECT t.*, slot, CASE slot WHEN 0 THEN g % 20 WHEN 1 THEN (g % 20 + 1 + (g / 20) % 9) % 20
                                              ELSE (g % 20 + 10 + (g / 180) % 9) % 20 END AS k
                    FROM t CROSS JOIN generate_series(0, 2) slot)
       SELECT s.item_id, s.created_at + s.slot * interval '1 hour' AS at, s.truth, u.k, u.id AS user_id
         FROM s JOIN u ON u.k = s.k`,
      [projectId],
    );
    await client.query(
      `INSERT INTO assignments (project_id, item_id, user_id, status, definition_versions, leased_at, expires_at, submitted_at)
       SELECT $1, item_id, user_id, 'submitted', jsonb_build_object($2::text, 1), at - interval '1 minute', at + interval '14 minutes', at
         FROM bench_slots ORDER BY item_id, at`,
      [projectId, key],
    );
    const { rowCount } = await client.query(
      `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, time_spent_ms, created_at)
       SELECT a.id, $1, a.item_id, a.user_id, $2, 1, ${VALUE_SQL[kind]},
              2000 + (random() * 20000)::int, a.submitted_at
         FROM assignments a JOIN bench_slots s ON s.item_id = a.item_id AND s.user_id = a.user_id
        WHERE a.project_id = $1 ORDER BY a.id`,
      kind === "single" ? [projectId, definitionId] : [projectId, definitionId, PERMUTATIONS],
    );
    await client.query("DROP TABLE bench_slots");
    // What autovacuum would have done by the time anyone looks at a dashboard.
    await client.query("VACUUM ANALYZE annotations, items, assignments");
    return rowCount ?? 0;
  } finally {
    client.release();
  }
}

type THandler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** One call of an agreement endpoint's route handler as `token`, timed. */
async function call(
  handler: THandler,
  project: { id: string; token: string },
  path: string,
  params: Record<string, string> = {},
) {
  const started = performance.now();
  const response = await handler(
    new Request(`http://localhost/api/v1/projects/${project.id}/agreement${path}`, {
      headers: { authorization: `Bearer ${project.token}` },
    }),
    { params: Promise.resolve({ id: project.id, ...params }) },
  );
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms: Math.round(performance.now() - started), body };
}

/** `runs` calls, each with the agreement cache cleared first: their times, median and last body. */
async function cold(run: () => ReturnType<typeof call>) {
  const { clearAgreementCache } = await import("@/lib/server/agreement/agreement-cache");
  const times: number[] = [];
  let body: Record<string, unknown> = {};
  for (let r = 0; r < runs; r++) {
    clearAgreementCache();
    ({ ms: times[r], body } = await run());
  }
  return { times, body, median: median(times) };
}

async function main() {
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { createTestProject, createTestUser } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const { getPool, disconnectDb } = await import("@/lib/db");
  const overviewRoute = await import("@/app/api/v1/projects/[id]/agreement/route");
  const detailRoute = await import("@/app/api/v1/projects/[id]/agreement/definitions/[key]/route");
  const driftRoute = await import("@/app/api/v1/projects/[id]/agreement/drift/route");

  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
  const definition = await createLabelDefinition(
    project.id,
    {
      key: "sentiment",
      kind: "single_choice",
      options: ["positive", "negative", "neutral", "mixed"].map((key) => ({ key })),
    },
    lead.id,
  );
  const generatedAt = performance.now();
  const annotations = await generate(getPool(), project.id, definition.definitionId);
  const generateSeconds = (performance.now() - generatedAt) / 1000;

  const asLead = { id: project.id, token: lead.token };
  const overview = await cold(() => call(overviewRoute.GET, asLead, ""));
  const warm = await call(overviewRoute.GET, asLead, "");
  const drift = await cold(() => call(driftRoute.GET, asLead, "/drift"));
  const detail = await cold(() =>
    call(detailRoute.GET, asLead, "/definitions/sentiment", { key: "sentiment" }),
  );
  const bareSql: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    await getPool().query(
      `SELECT count(*) FROM (SELECT item_id, value, count(*) FROM annotations
         WHERE definition_id = $1 AND is_current GROUP BY item_id, value) patterns`,
      [definition.definitionId],
    );
    bareSql.push(performance.now() - started);
  }
  const review = await benchReview(
    getPool(),
    asLead,
    { id: definition.definitionId, key: "sentiment" },
    runs,
  );
  const entry = (overview.body.definitions as { version: number | null }[]).find((d) => d.version === null);
  const ranking = values.ranking ? await rankingRun(lead, overview.median) : null;
  const missed = judgeTargets({
    "overview cold median <= 2000 ms": overview.median <= 2000,
    ...(ranking ? { "ranking overview cold within 2x of single choice": ranking.ratio <= 2 } : {}),
  });
  console.log(
    JSON.stringify(
      {
        benchmark: "agreement",
        data: {
          annotations,
          items: itemCount,
          annotatorsPerItem: 3,
          annotatorPool: 20,
          categories: 4,
          generateSeconds: Number(generateSeconds.toFixed(1)),
        },
        result: entry,
        endToEndMs: {
          overviewCold: overview.times,
          overviewColdMedian: overview.median,
          overviewWarm: warm.ms,
          driftCold: drift.times,
          drillDownCold: detail.times,
        },
        baseline: {
          work: "bare SQL: current annotations of the definition grouped by item and value",
          ms: bareSql.map(Math.round),
        },
        overviewColdVersusBareSql: againstBaseline(overview.median, median(bareSql), "ms"),
        drillDownColdVersusBareSql: againstBaseline(detail.median, median(bareSql), "ms"),
        review,
        ...(ranking ? { ranking } : {}),
        targets: { overviewColdMs: 2000 },
        missed,
      },
      null,
      2,
    ),
  );
  await disconnectDb();
  await database.stop();
}

/** The same number of items ranked (4 responses, 3 annotators): its cold overview against the single-choice one. */
async function rankingRun(lead: { id: string; token: string }, singleChoiceColdMs: number) {
  const { createTestProject } = await import("@/lib/testing/factories");
  const { createLabelDefinition } = await import("@/lib/server/label-definitions/create-label-definition");
  const { getPool } = await import("@/lib/db");
  const overviewRoute = await import("@/app/api/v1/projects/[id]/agreement/route");
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
  const definition = await createLabelDefinition(project.id, { key: "rank", kind: "ranking" }, lead.id);
  const started = performance.now();
  const annotations = await generate(getPool(), project.id, definition.definitionId, "ranking");
  const generateSeconds = (performance.now() - started) / 1000;
  const overview = await cold(() => call(overviewRoute.GET, { id: project.id, token: lead.token }, ""));
  const definitions = overview.body.definitions as { version: number | null }[];
  return {
    data: {
      annotations,
      items: itemCount,
      responses: 4,
      rankedPositions: annotations * 4,
      generateSeconds: Number(generateSeconds.toFixed(1)),
    },
    result: definitions.find((d) => d.version === null),
    overviewCold: overview.times,
    overviewColdMedian: overview.median,
    singleChoiceOverviewColdMedian: singleChoiceColdMs,
    ratio: Number((overview.median / singleChoiceColdMs).toFixed(2)),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
