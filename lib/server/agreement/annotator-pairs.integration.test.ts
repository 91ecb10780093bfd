import { afterAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import { reviseAnnotations } from "@/lib/server/queue/revise-annotations";
import { callRoute } from "@/lib/testing/call-route";
import {
  AGREEMENT_DEFINITIONS,
  claimAs,
  createLabelingProject,
  submitAs,
} from "@/lib/testing/queue-fixtures";
import { listDisagreementItems } from "./list-disagreement-items";
import { loadAnnotatorPairs } from "./load-annotator-pairs";
import { flushAgreement } from "@/lib/testing/flush-agreement";

// The drill-down's annotator pairs and most disagreeing items come from rollups kept by triggers
// (prisma/functions/agreement-pairs.sql, docs/decisions/029-review-states.md). After concurrent
// submits, revisions, a second definition version and a deleted annotator they must equal what
// the self-join of current annotations (the drill-down's query before the rollup) counts.

afterAll(async () => {
  await disconnectDb();
});

/** Values from a counter through a multiplicative hash: varied, and the same on every run. */
function valuesFor(n: number) {
  const h = (salt: number) => (Math.imul(n * 7 + salt, 2654435761) >>> 0) % 1000;
  const topics = ["food", "price", "staff"].filter((_, i) => h(i + 3) < 400);
  return {
    sentiment: ["pos", "neg", "neu"][h(1) % 3],
    topics: h(2) < 200 ? null : topics,
    score: 1 + (h(6) % 5),
  };
}

async function labelConcurrently(s: Awaited<ReturnType<typeof createLabelingProject>>) {
  let counter = 0;
  const submitted: { annotatorId: string; assignmentId: string }[] = [];
  await Promise.all(
    s.annotators.map(async (annotator) => {
      for (;;) {
        const claimed = await claimAs(annotator.token, s.params);
        if (claimed.status === 204) return;
        expect(claimed.status).toBe(200);
        const res = await submitAs(annotator.token, claimed.body.assignmentId, valuesFor(counter++));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        submitted.push({ annotatorId: annotator.id, assignmentId: claimed.body.assignmentId });
      }
    }),
  );
  return submitted;
}

// Each annotator's latest current label per item (currentLabelsSql), one version or all.
const CURRENT = `SELECT DISTINCT ON (item_id, user_id) item_id, user_id, value::text AS v FROM annotations
                  WHERE definition_id = $1 AND is_current AND value IS NOT NULL
                    AND ($2::int IS NULL OR definition_version = $2)
                  ORDER BY item_id, user_id, created_at DESC, id DESC`;

const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

/** The rollup's answers against the self-join and the per-item ranking, for every definition and version. */
async function expectPairsEqualSelfJoin(projectId: string) {
  const pool = getPool();
  await flushAgreement(projectId);
  const { rows: definitions } = await pool.query<{ id: string; kind: string }>(
    "SELECT id, kind FROM label_definitions WHERE project_id = $1",
    [projectId],
  );
  for (const { id, kind } of definitions) {
    const { rows: versions } = await pool.query<{ version: number }>(
      "SELECT version FROM label_definition_versions WHERE definition_id = $1",
      [id],
    );
    for (const version of [null, ...versions.map((v) => v.version)]) {
      const pairs = await pool.query({
        text: `WITH cur AS (${CURRENT})
               SELECT a.user_id::text, b.user_id::text, a.v, b.v, count(*)::int
                 FROM cur a JOIN cur b ON b.item_id = a.item_id AND b.user_id > a.user_id GROUP BY 1, 2, 3, 4`,
        values: [id, version],
        rowMode: "array",
      });
      const users = await pool.query({
        text: `WITH cur AS (${CURRENT}), per_item AS (SELECT item_id, count(*) AS n FROM cur GROUP BY item_id)
               SELECT c.user_id::text, count(*)::int, (count(*) FILTER (WHERE p.n >= 2))::int
                 FROM cur c JOIN per_item p USING (item_id) GROUP BY c.user_id`,
        values: [id, version],
        rowMode: "array",
      });
      const rollup = await loadAnnotatorPairs(id, version);
      expect(sorted(rollup.pairs), `${kind} v${version}`).toEqual(sorted(pairs.rows));
      expect(sorted(rollup.users), `${kind} v${version}`).toEqual(sorted(users.rows));

      const ranking =
        kind === "rating"
          ? `SELECT item_id::text AS id FROM (${CURRENT}) c GROUP BY item_id HAVING count(*) >= 2
              ORDER BY (count(*) * sum((v::float8) ^ 2) - sum(v::float8) ^ 2) / (count(*) * (count(*) - 1)) DESC,
                       count(*) DESC, item_id LIMIT $3`
          : `SELECT item_id::text AS id FROM (SELECT item_id, count(*) AS n FROM (${CURRENT}) c GROUP BY item_id, v) per_value
              GROUP BY item_id HAVING sum(n) >= 2
              ORDER BY sum(n * (n - 1))::float8 / (sum(n) * (sum(n) - 1)), sum(n) DESC, item_id LIMIT $3`;
      for (const limit of [5, 20]) {
        const expected = await pool.query<{ id: string }>(ranking, [id, version, limit]);
        const worst = await listDisagreementItems(id, version, kind, limit);
        expect(
          worst.map((w) => w.itemId),
          `${kind} v${version} top ${limit}`,
        ).toEqual(expected.rows.map((r) => r.id));
      }
    }
  }
}

describe("annotator pair rollups", () => {
  it("equal the self-join of current annotations after concurrent submits, revisions, a new version and a deleted annotator", async () => {
    const s = await createLabelingProject({
      items: 12,
      overlap: 3,
      annotators: 5,
      definitions: AGREEMENT_DEFINITIONS,
    });
    const submitted = await labelConcurrently(s);
    expect(submitted).toHaveLength(36);
    await expectPairsEqualSelfJoin(s.project.id);

    for (let n = 0; n < 10; n++) {
      const { annotatorId, assignmentId } = submitted[(n * 7) % submitted.length];
      const res = await reviseAnnotations({ id: annotatorId, isAdmin: false }, assignmentId, {
        values: valuesFor(100 + n),
      });
      expect(res).toBeTruthy();
    }
    await expectPairsEqualSelfJoin(s.project.id);

    // Version 2 of sentiment (new guidelines), then more items labeled under it.
    const put = await callRoute(updateDefinition, {
      method: "PUT",
      token: s.lead.token,
      params: { id: s.project.id, key: "sentiment" },
      json: { ...AGREEMENT_DEFINITIONS[0], guidelines: "Sarcasm counts as negative." },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const imported = await callRoute(importRoute, {
      token: s.lead.token,
      params: s.params,
      body: Array.from({ length: 6 }, (_, i) =>
        JSON.stringify({ externalId: `more-${i}`, data: { text: `More ${i}` } }),
      ).join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    await labelConcurrently(s);
    await expectPairsEqualSelfJoin(s.project.id);

    await getPool().query("DELETE FROM users WHERE id = $1", [s.annotators[0].id]);
    await expectPairsEqualSelfJoin(s.project.id);
  });
});
