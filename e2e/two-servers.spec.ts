import path from "node:path";
import pg from "pg";
import { runningClusterUrl, sessionSecret, startAppProcess } from "../lib/cli/serve/local-services";
import { DEMO_PASSWORD, apiAs, expect, test, tokenFor, unique } from "./fixtures";

// The e2e server's data folder (playwright.config.ts runs lib/cli/serve/start.ts --data-dir .data/e2e).
const DATA_DIR = path.resolve(".data/e2e");

function e2eDatabaseUrl(): string {
  const url = runningClusterUrl(path.join(DATA_DIR, "postgres"));
  if (!url) throw new Error("the e2e server's database is not running");
  return url;
}

test("two app processes on one database: 20 annotators finish 100 items with overlap 3, exactly", async ({
  adminApi,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // A second app process, as `npm start` runs it, on the e2e server's database and secret.
  const second = await startAppProcess({
    databaseUrl: e2eDatabaseUrl(),
    secret: sessionSecret(DATA_DIR),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const project = await adminApi.post("/api/v1/projects", {
      data: { name: unique("Two servers"), overlap: 3, leaseSeconds: 600 },
    });
    expect(project.status(), await project.text()).toBe(201);
    const { id } = (await project.json()) as { id: string };
    const definition = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, {
      data: {
        key: "sentiment",
        kind: "single_choice",
        options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
      },
    });
    expect(definition.status(), await definition.text()).toBe(201);
    const items = await adminApi.post(`/api/v1/projects/${id}/items`, {
      headers: { "content-type": "application/x-ndjson" },
      data: Array.from({ length: 100 }, (_, i) =>
        JSON.stringify({ externalId: `i${i}`, data: { text: `Item ${i}` } }),
      ).join("\n"),
    });
    expect(items.status(), await items.text()).toBe(201);

    // Half the annotators talk to one process, half to the other.
    const servers = [baseURL!, second.url];
    const annotators = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const email = `${unique("two-servers")}@example.com`;
        const user = await adminApi.post("/api/v1/users", {
          data: { email, name: `Annotator ${n}`, password: DEMO_PASSWORD },
        });
        expect(user.status(), await user.text()).toBe(201);
        const member = await adminApi.post(`/api/v1/projects/${id}/members`, {
          data: { email, role: "annotator" },
        });
        expect(member.status(), await member.text()).toBe(201);
        const server = servers[n % 2];
        return { api: await apiAs(server, await tokenFor(server, email)), n };
      }),
    );
    const labels = ["pos", "neg", "neu"];
    await Promise.all(
      annotators.map(async ({ api, n }) => {
        for (;;) {
          const next = await api.post(`/api/v1/projects/${id}/queue/next`);
          if (next.status() === 204) return;
          expect(next.status(), await next.text()).toBe(200);
          const { assignmentId } = (await next.json()) as { assignmentId: string };
          const submitted = await api.post(`/api/v1/assignments/${assignmentId}/submit`, {
            data: { values: { sentiment: labels[n % 3] } },
          });
          expect(submitted.status(), await submitted.text()).toBe(201);
        }
      }),
    );
    await Promise.all(annotators.map(({ api }) => api.dispose()));

    const { rows } = await db.query<{
      annotations: number;
      items_not_3: number;
      pairs_twice: number;
      counters_off: number;
    }>(
      `SELECT
         (SELECT count(*)::int FROM annotations WHERE project_id = $1 AND is_current) AS annotations,
         (SELECT count(*)::int FROM (SELECT i.id FROM items i LEFT JOIN annotations a ON a.item_id = i.id AND a.is_current
            WHERE i.project_id = $1 GROUP BY i.id HAVING count(DISTINCT a.user_id) <> 3) x) AS items_not_3,
         (SELECT count(*)::int FROM (SELECT 1 FROM annotations WHERE project_id = $1 AND is_current
            GROUP BY item_id, user_id HAVING count(*) > 1) x) AS pairs_twice,
         (SELECT count(*)::int FROM items i WHERE i.project_id = $1 AND (i.lease_count <> 0 OR i.done_count <>
            (SELECT count(*) FROM assignments a WHERE a.item_id = i.id AND a.status = 'submitted'))) AS counters_off`,
      [id],
    );
    expect(rows[0]).toEqual({ annotations: 300, items_not_3: 0, pairs_twice: 0, counters_off: 0 });
    // Every annotator labelled, and half of them only ever talked to the second process.
    const perProcess = await db.query<{ n: number }>(
      "SELECT count(DISTINCT user_id)::int AS n FROM annotations WHERE project_id = $1",
      [id],
    );
    expect(perProcess.rows[0].n).toBe(20);
  } finally {
    await db.end();
    await second.stop();
  }
});
