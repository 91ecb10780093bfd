// Agreement over all versions after a relabel campaign: the annotators who labeled an item under v1
// and again under v2 count once on it, with their latest label, since Krippendorff's alpha assumes
// one value per coder and unit. Checked against a hand count and the agreement module.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/projects/[id]/agreement/definitions/[key]/route";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { POST as createCampaignRoute } from "@/app/api/v1/projects/[id]/campaigns/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

/** Each annotator in turn claims and submits `valueOf(annotator, item)` until the queue is empty. */
async function labelUntilDone(
  tokens: string[],
  params: { id: string },
  valueOf: (annotator: number, externalId: string) => string,
) {
  for (let busy = true; busy;) {
    busy = false;
    for (const [n, token] of tokens.entries()) {
      const next = await claimAs(token, params);
      if (next.status === 204) continue;
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      const res = await submitAs(token, next.body.assignmentId, {
        sentiment: valueOf(n, next.body.item.externalId),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      busy = true;
    }
  }
}

/**
 * Four items, two annotators: both say pos on every item under v1; then v2, and a campaign on items
 * 0 and 1 where the first annotator says pos again and the second now says neg.
 */
async function relabeledProject() {
  const { lead, project, params, annotators } = await createLabelingProject({
    items: 4,
    overlap: 2,
    annotators: 2,
  });
  const tokens = annotators.map((a) => a.token);
  await labelUntilDone(tokens, params, () => "pos");
  const put = await callRoute(updateDefinition, {
    method: "PUT",
    token: lead.token,
    params: { ...params, key: "sentiment" },
    json: {
      key: "sentiment",
      kind: "single_choice",
      options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
      guidelines: "Sarcasm is negative.",
    },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const pool = getPool();
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM items WHERE project_id = $1 AND external_id IN ('item-0', 'item-1') ORDER BY id",
    [project.id],
  );
  const campaign = await callRoute(createCampaignRoute, {
    token: lead.token,
    params,
    json: {
      name: "sarcasm",
      definitionKey: "sentiment",
      filter: { itemIds: rows.map((r) => r.id) },
      overlap: 2,
    },
  });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  await labelUntilDone(tokens, params, (n) => (n === 0 ? "pos" : "neg"));
  const labels = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM annotations WHERE project_id = $1 AND is_current",
    [project.id],
  );
  expect(labels.rows[0].n).toBe(12); // 8 under v1, 4 under v2: both annotators hold two on items 0 and 1
  const definition = await pool.query<{ id: string }>(
    "SELECT id FROM label_definitions WHERE project_id = $1 AND key = 'sentiment'",
    [project.id],
  );
  return { lead, params, definitionId: definition.rows[0].id };
}

/** The definition's rolled-up item patterns and the pattern counts its delta log sums to. */
async function rollupsOf(definitionId: string) {
  const pool = getPool();
  // What a reader does first (load-stamped-inputs.ts): refresh the pairs the project's labels queued.
  await pool.query("SELECT concord_agreement_flush(project_id) FROM label_definitions WHERE id = $1", [
    definitionId,
  ]);
  const items = await pool.query(
    `SELECT definition_version, item_id::text, ratings, pattern, week, batch_id FROM agreement_item_patterns
      WHERE definition_id = $1 AND ratings > 0 ORDER BY 1, 2`,
    [definitionId],
  );
  const patterns = await pool.query(
    `SELECT definition_version, ratings, pattern, week, batch_id, sum(items)::int AS items FROM agreement_pattern_deltas
      WHERE definition_id = $1 GROUP BY 1, 2, 3, 4, 5 HAVING sum(items) <> 0 ORDER BY 1, 2, pattern::text`,
    [definitionId],
  );
  return { items: items.rows, patterns: patterns.rows };
}

describe("agreement over all versions after a relabel campaign", () => {
  it("counts each annotator once per item, with their latest label", async () => {
    const { lead, params } = await relabeledProject();
    // Hand count over all versions, each annotator's latest label per item:
    // item 0 (pos, neg), item 1 (pos, neg), item 2 (pos, pos), item 3 (pos, pos): n = 8, pos 6, neg 2.
    // Observed disagreement: 4 ordered pos/neg pairs in units of two, over n = 0.5.
    // Expected: 2 * 6 * 2 / (8 * 7) = 3/7. Alpha = 1 - 0.5 / (3/7) = -1/6.
    // (Counting v1 and v2 labels both, items 0 and 1 would hold four values each: alpha -0.1.)
    const latest = [
      ["pos", "neg"],
      ["pos", "neg"],
      ["pos", "pos"],
      ["pos", "pos"],
    ];
    expect(krippendorffAlpha(latest, "nominal")).toBeCloseTo(-1 / 6, 10);
    const overview = await callRoute(overviewRoute, { token: lead.token, params });
    expect(overview.status).toBe(200);
    const entries = overview.body.definitions.filter((d: { key: string }) => d.key === "sentiment");
    expect(entries.map((d: { version: number | null }) => d.version)).toEqual([1, 2, null]);
    const all = entries[2];
    expect(all.value).toBeCloseTo(-1 / 6, 10);
    expect(all.itemsCompared).toBe(4);
    // v2 alone: items 0 and 1, (pos, neg) each: n = 4, D_o = 1, D_e = 2 * 2 * 2 / 12, alpha = -0.5
    expect(entries[1].value).toBeCloseTo(-0.5, 10);
    const detail = await callRoute(detailRoute, {
      token: lead.token,
      params: { ...params, key: "sentiment" },
      path: "/x",
    });
    expect(detail.status).toBe(200);
    expect(detail.body.summary.value).toBeCloseTo(-1 / 6, 10);
    // The pair of annotators shares the four items (not 2 * 2 label pairs on items 0 and 1 + 2),
    // agreeing on items 2 and 3
    const cells = detail.body.matrix.cells.filter((c: { a: string; b: string }) => c.a !== c.b);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toMatchObject({ items: 4, agreement: 0.5 });
  });

  it("the migration recounts rollups the triggers wrote before, counting both labels", async () => {
    const { definitionId } = await relabeledProject();
    const counted = await rollupsOf(definitionId);
    const allVersions = (r: Awaited<ReturnType<typeof rollupsOf>>) =>
      r.items.filter((x) => x.definition_version === 0).map((x) => x.ratings);
    expect(allVersions(counted)).toEqual([2, 2, 2, 2]);
    const sql = readFileSync(
      path.join("prisma", "migrations", "20261208020000_agreement_one_value_per_annotator", "migration.sql"),
      "utf8",
    );
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      // The version-0 rows as they were counted before: every current label of the item.
      const logV0 = (sign: number) =>
        client.query(
          `INSERT INTO agreement_pattern_deltas (definition_id, definition_version, ratings, pattern, week, batch_id, items)
           SELECT definition_id, 0, ratings, pattern, week, batch_id, $2 * count(*)::int FROM agreement_item_patterns
            WHERE definition_id = $1 AND definition_version = 0 AND ratings > 0 GROUP BY 1, 2, 3, 4, 5, 6`,
          [definitionId, sign],
        );
      await logV0(-1);
      await client.query(
        `WITH old AS (
           SELECT item_id, count(*)::int AS n, jsonb_agg(value ORDER BY value::text) AS vals,
                  date_bin('7 days', max(created_at), TIMESTAMPTZ '2000-01-03 00:00:00+00') AS week
             FROM annotations WHERE definition_id = $1 AND is_current AND value IS NOT NULL GROUP BY item_id)
         UPDATE agreement_item_patterns p SET ratings = old.n, pattern = old.vals, week = old.week
           FROM old WHERE p.definition_id = $1 AND p.definition_version = 0 AND p.item_id = old.item_id`,
        [definitionId],
      );
      await logV0(1);
      const before = await client.query<{ ratings: number }>(
        "SELECT ratings FROM agreement_item_patterns WHERE definition_id = $1 AND definition_version = 0 ORDER BY item_id",
        [definitionId],
      );
      expect(before.rows.map((r) => r.ratings)).toEqual([4, 4, 2, 2]);
      await client.query(sql);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
    expect(await rollupsOf(definitionId)).toEqual(counted);
  });
});
