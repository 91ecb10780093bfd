// npm run bench:items-browser — the lead's items browser (GET /projects/{id}/items) on a project of
// 1,000,000 items: the first page, a page deep in the project, and each filter, median of 5 runs.
// Prints JSON: ms per query and the plan of the window query, with the bare keyset SQL of a page (the
// same 51 rows' columns by id, nothing else) on the same table in the same run as the baseline of the
// first and the deep page, and their ratios to it.
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { againstBaseline, median, startBenchDatabase } from "./bench-setup";

const { values } = parseArgs({ options: { items: { type: "string", default: "1000000" } } });
const ITEMS = Number(values.items);
const log = (line: string) => console.error(`[bench:items-browser] ${line}`);

async function main() {
  const database = await startBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { getPool, disconnectDb } = await import("@/lib/db");
  const { itemsPageQuery, listItems } = await import("@/lib/server/items/list-items");
  const { ZItemsQuery } = await import("@/lib/schemas/items");
  const pool = getPool();
  try {
    const projectId = randomUUID();
    const batchId = randomUUID();
    await pool.query("INSERT INTO projects (id, name, overlap) VALUES ($1, 'bench', 3)", [projectId]);
    await pool.query(
      "INSERT INTO batches (id, project_id, name, format, item_count, duplicate_count) VALUES ($1, $2, 'bench', 'jsonl', $3, 0)",
      [batchId, projectId, ITEMS],
    );
    const started = Date.now();
    // A third of the items complete, a tenth started, the rest open; 1 in 1000 mentions a refund.
    await pool.query(
      `INSERT INTO items (project_id, batch_id, external_id, content_hash, data, target_count, done_count)
       SELECT $1, $2, 't-' || g, md5(g::text),
              jsonb_build_object('text', 'Ticket ' || g || CASE WHEN g % 1000 = 0 THEN ' asks for a refund' ELSE ' about shipping' END,
                                 'gold', CASE WHEN g % 7 = 0 THEN 'yes' ELSE 'no' END, 'meta', jsonb_build_object('source', 'forum')),
              3, CASE WHEN g % 3 = 0 THEN 3 WHEN g % 10 = 1 THEN 1 ELSE 0 END
         FROM generate_series(1, $3) g`,
      [projectId, batchId, ITEMS],
    );
    await pool.query("VACUUM ANALYZE items");
    log(`${ITEMS} items in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // `ORDER BY items.id`: a bare `id` would sort the text output column of that name (1, 10, 100, ...).
    const { rows: deep } = await pool.query<{ id: string }>(
      "SELECT id::text FROM items WHERE project_id = $1 ORDER BY items.id OFFSET $2 LIMIT 1",
      [projectId, Math.floor(ITEMS * 0.9)],
    );
    const cases: Record<string, Record<string, string>> = {
      first_page: {},
      deep_page: { after: deep[0].id },
      status_open: { status: "open" },
      status_in_progress: { status: "in_progress" },
      status_done: { status: "done" },
      status_adjudicated_rare: { status: "adjudicated" },
      min_annotations: { minAnnotations: "1", maxAnnotations: "1" },
      hidden_field_equals: { field: "gold", value: "yes" },
      search_rare: { q: "refund" },
      search_common: { q: "shipping" },
    };
    const medianOf5 = async <T>(run: () => Promise<T>) => {
      const times: number[] = [];
      let last: T | undefined;
      for (let n = 0; n < 5; n++) {
        const t = performance.now();
        last = await run();
        times.push(performance.now() - t);
      }
      return { ms: Number(median(times).toFixed(1)), last: last! };
    };
    const results: Record<string, { ms: number; items: number; hasNext: boolean }> = {};
    for (const [name, raw] of Object.entries(cases)) {
      const query = ZItemsQuery.parse(raw);
      const { ms, last } = await medianOf5(() => listItems(projectId, query));
      results[name] = {
        ms,
        items: last.items.length,
        hasNext: last.nextCursor !== null,
      };
      log(`${name}: ${results[name].ms} ms, ${last.items.length} items`);
    }
    // The plainest page: the next 51 rows after a cursor by the primary key, the columns a row shows.
    const bareKeyset = (after: string) =>
      medianOf5(() =>
        pool.query(
          `SELECT id::text, external_id, batch_id, priority, data, created_at, target_count, done_count
             FROM items WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT 51`,
          [projectId, after],
        ),
      );
    const bare = { first_page: (await bareKeyset("0")).ms, deep_page: (await bareKeyset(deep[0].id)).ms };
    log(`bare keyset SQL: first page ${bare.first_page} ms, deep page ${bare.deep_page} ms`);
    const plan = await pool.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT max(id), count(*) FROM
         (SELECT id FROM items WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT 5000) w`,
      [projectId, deep[0].id],
    );
    const explain = async (raw: Record<string, string>) => {
      const page = itemsPageQuery(
        projectId,
        ZItemsQuery.parse(raw),
        deep[0].id,
        String(Number(deep[0].id) + 5000),
        51,
      );
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${page.text}`,
        page.values,
      );
      return rows.map((r) => r["QUERY PLAN"]);
    };
    console.log(
      JSON.stringify(
        {
          items: ITEMS,
          medianMs: results,
          baseline: { work: "bare keyset SQL: the page's 51 rows by id after the cursor", medianMs: bare },
          versusBareKeyset: {
            firstPage: againstBaseline(results.first_page.ms, bare.first_page, "ms"),
            deepPage: againstBaseline(results.deep_page.ms, bare.deep_page, "ms"),
          },
          windowPlan: plan.rows.map((r) => r["QUERY PLAN"]),
          pagePlan: await explain({}),
          searchPlan: await explain({ q: "refund" }),
        },
        null,
        2,
      ),
    );
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

void main();
