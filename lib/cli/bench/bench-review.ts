// The review side of `npm run bench:agreement` (issue #15, docs/decisions/029-review-states.md): the
// review queue's first page, "next unresolved" (the item page's next item), the bulk majority
// preview and the annotator pairs of the drill-down, each through its route handler (or use case),
// beside bare SQL doing the least work for the same answer on the same database in the same run.
import type pg from "pg";
import { againstBaseline, median } from "./bench-setup";

type THandler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function timed(run: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    await run();
    times.push(Math.round(performance.now() - started));
  }
  return times;
}

async function get(handler: THandler, url: string, token: string, params: Record<string, string>) {
  const response = await handler(
    new Request(`http://localhost/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve(params) },
  );
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function benchReview(
  pool: pg.Pool,
  project: { id: string; token: string },
  definition: { id: string; key: string },
  runs: number,
) {
  const listRoute = await import("@/app/api/v1/projects/[id]/final-labels/route");
  const itemRoute = await import("@/app/api/v1/projects/[id]/final-labels/items/[itemId]/route");
  const majoritiesRoute = await import("@/app/api/v1/projects/[id]/final-labels/majorities/route");
  const { loadAnnotatorPairs } = await import("@/lib/server/agreement/load-annotator-pairs");
  const { listDisagreementItems } = await import("@/lib/server/agreement/list-disagreement-items");
  const base = `/projects/${project.id}/final-labels`;
  const params = { id: project.id };
  const queuePage = () => get(listRoute.GET, `${base}?limit=50`, project.token, params);

  // Right after the bulk insert every review state is stale: the first page computes what it passes.
  const firstPageStale = await timed(queuePage, 1);
  const previewUrl = `${base}/majorities?definition=${definition.key}`;
  // The first preview computes every stale row of the queue once (what readers do bit by bit).
  const previewStale = await timed(() => get(majoritiesRoute.GET, previewUrl, project.token, params), 1);
  const queue = await timed(queuePage, runs);
  const page = (await queuePage()) as { items: { itemId: string }[] };
  const from = page.items[Math.floor(page.items.length / 2)]?.itemId ?? "1";
  const next = await timed(
    () => get(listRoute.GET, `${base}?limit=1&after=${from}`, project.token, params),
    runs,
  );
  const itemPage = await timed(
    () => get(itemRoute.GET, `${base}/items/${from}`, project.token, { ...params, itemId: from }),
    runs,
  );
  const preview = await timed(() => get(majoritiesRoute.GET, previewUrl, project.token, params), runs);
  const pairs = await timed(() => loadAnnotatorPairs(definition.id, null), runs);
  const worst = await timed(() => listDisagreementItems(definition.id, null, "single_choice"), runs);

  // Bare SQL: the queue's page read from the states' index with its items' current annotations
  // (the least a page can cost), and the same page found without stored states (the majority
  // counted over every annotation); the old self-join of the drill-down's annotator pairs.
  const pageFloor = await timed(
    () =>
      pool.query(
        `SELECT a.item_id, a.value FROM (SELECT item_id FROM review_states
            WHERE project_id = $1 AND (is_stale OR needs_review) ORDER BY item_id LIMIT 50) q
           JOIN annotations a ON a.item_id = q.item_id AND a.is_current`,
        [project.id],
      ),
    runs,
  );
  const pageWithoutStates = await timed(
    () =>
      pool.query(
        `SELECT item_id FROM (SELECT item_id, max(n) AS top, sum(n) AS total
            FROM (SELECT item_id, value, count(*) AS n FROM annotations
                   WHERE definition_id = $1 AND is_current GROUP BY item_id, value) v GROUP BY item_id) t
          WHERE top * 2 <= total ORDER BY item_id LIMIT 50`,
        [definition.id],
      ),
    runs,
  );
  const worstByItem = await timed(
    () =>
      pool.query(
        `SELECT item_id FROM (SELECT item_id, count(*) AS n FROM annotations
            WHERE definition_id = $1 AND is_current AND value IS NOT NULL GROUP BY item_id, value) per_value
          GROUP BY item_id HAVING sum(n) >= 2
          ORDER BY sum(n * (n - 1))::float8 / (sum(n) * (sum(n) - 1)), sum(n) DESC, item_id LIMIT 20`,
        [definition.id],
      ),
    runs,
  );
  const selfJoin = await timed(
    () =>
      pool.query(
        `WITH cur AS MATERIALIZED (SELECT item_id, user_id, value::text AS v FROM annotations
                                    WHERE definition_id = $1 AND is_current AND value IS NOT NULL)
         SELECT a.user_id, b.user_id, a.v, b.v, count(*) FROM cur a
           JOIN cur b ON b.item_id = a.item_id AND b.user_id > a.user_id GROUP BY 1, 2, 3, 4`,
        [definition.id],
      ),
    runs,
  );
  return {
    endToEndMs: {
      queueFirstPageAllStale: firstPageStale[0],
      majorityPreviewAllStale: previewStale[0],
      queueFirstPage: queue,
      nextUnresolved: next,
      itemPage,
      majorityPreview: preview,
      drillDownAnnotatorPairs: pairs,
      drillDownWorstItems: worst,
    },
    baseline: {
      work: "bare SQL: a queue page from the states' index with its annotations; the same page by majority over every annotation; the drill-down's old self-join and ranking of every item",
      pageFromIndexMs: pageFloor,
      pageWithoutStatesMs: pageWithoutStates,
      pairsSelfJoinMs: selfJoin,
      worstItemsByItemMs: worstByItem,
    },
    queueFirstPageVersusIndexSql: againstBaseline(median(queue), median(pageFloor), "ms"),
    nextUnresolvedVersusIndexSql: againstBaseline(median(next), median(pageFloor), "ms"),
    queueFirstPageVersusSqlWithoutStates: againstBaseline(median(queue), median(pageWithoutStates), "ms"),
    annotatorPairsVersusSelfJoin: againstBaseline(median(pairs), median(selfJoin), "ms"),
    worstItemsVersusRankingByItem: againstBaseline(median(worst), median(worstByItem), "ms"),
  };
}
