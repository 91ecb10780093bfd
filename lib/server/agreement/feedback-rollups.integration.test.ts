import { afterAll, describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { kendallW } from "@/lib/agreement/kendall-w";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { createPrng } from "@/lib/agreement/prng";
import type { Rating } from "@/lib/agreement/types";
import { disconnectDb, getPool } from "@/lib/db";
import { ZLabelDefinitionInput } from "@/lib/label-definitions/definition-schema";
import { updateLabelDefinition } from "@/lib/server/label-definitions/update-label-definition";
import { reviseAnnotations } from "@/lib/server/queue/revise-annotations";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { flushAgreement } from "@/lib/testing/flush-agreement";

// Rankings and rubrics are read from the agreement rollups (ADR 023): after concurrent submits, a
// new definition version part-way and revisions, the rollups must equal a recount from the
// annotations, and the overview's figures, per version and over all, the textbook formulas applied
// to the current annotations themselves.

afterAll(async () => {
  await disconnectDb();
});

const RANKING = { key: "rank", kind: "ranking", allowTies: true };
const RUBRIC = {
  key: "quality",
  kind: "rubric",
  criteria: [
    { key: "helpful", min: 1, max: 5 },
    { key: "harmless", min: 0, max: 2 },
  ],
};
const RANKINGS = [
  [1, 2, 3, 4],
  [1, 3, 2, 4],
  [2, 1, 3, 4],
  [1, 2, 2, 3],
  [4, 3, 2, 1],
  [1, 1, 2, 2],
];

type TRow = { item_id: string; v: number; key: string; value: unknown };

/** Current annotations of the project's ranking and rubric, straight from the annotations table. */
async function currentAnnotations(projectId: string): Promise<TRow[]> {
  const { rows } = await getPool().query<TRow>(
    `SELECT a.item_id::text, a.definition_version AS v, d.key, a.value
       FROM annotations a JOIN label_definitions d ON d.id = a.definition_id
      WHERE a.project_id = $1 AND a.is_current AND a.value IS NOT NULL`,
    [projectId],
  );
  return rows;
}

/** Values per item, of one definition and (unless null) one version. */
function byItem<T>(rows: TRow[], key: string, version: number | null): T[][] {
  const out = new Map<string, T[]>();
  for (const r of rows)
    if (r.key === key && (version === null || r.v === version)) {
      if (!out.has(r.item_id)) out.set(r.item_id, []);
      out.get(r.item_id)!.push(r.value as T);
    }
  return [...out.values()];
}

async function expectRollupsEqualRecount(projectId: string) {
  await flushAgreement(projectId);
  const recount = `
    SELECT a.definition_id, coalesce(a.definition_version, 0) AS v, a.item_id, count(*)::int AS ratings,
           jsonb_agg(a.value ORDER BY a.value::text) AS pattern
      FROM annotations a
     WHERE a.project_id = $1 AND a.is_current AND a.value IS NOT NULL
     GROUP BY GROUPING SETS ((a.definition_id, a.item_id, a.definition_version), (a.definition_id, a.item_id))`;
  const lines = async (sql: string) =>
    (await getPool().query(sql, [projectId])).rows.map((r) => JSON.stringify(r)).sort();
  const kept = await lines(
    `SELECT p.definition_id, p.definition_version AS v, p.ratings, p.pattern, sum(p.items)::int AS items
       FROM agreement_pattern_deltas p JOIN label_definitions d ON d.id = p.definition_id
      WHERE d.project_id = $1 GROUP BY 1, 2, 3, 4 HAVING sum(p.items) <> 0`,
  );
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(
    await lines(
      `SELECT definition_id, v, ratings, pattern, count(*)::int AS items FROM (${recount}) r GROUP BY 1, 2, 3, 4`,
    ),
  );
}

describe("ranking and rubric agreement from the rollups", () => {
  it("equals the textbook values per version and over all versions, after a new version and revisions", async () => {
    const rng = createPrng(23);
    const pick = <T>(xs: readonly T[]) => xs[rng.nextIndex(xs.length)];
    const values = () => ({
      rank: pick(RANKINGS),
      quality: { helpful: pick([1, 2, 4, 4, 5]), harmless: pick([0, 2, 2]) },
    });
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 12,
      overlap: 3,
      annotators: 5,
      definitions: [RANKING, RUBRIC],
      data: (i) => ({ responses: [`a ${i}`, `b ${i}`, `c ${i}`, `d ${i}`] }),
    });
    const submitted: { annotator: (typeof annotators)[number]; assignmentId: string }[] = [];
    /** Everyone labels at once (refreshes of one item run concurrently) until `count` labels are in. */
    const label = (count: number) =>
      Promise.all(
        annotators.map(async (annotator) => {
          while (submitted.length < count) {
            const claimed = await claimAs(annotator.token, params);
            if (claimed.status === 204) return;
            expect(claimed.status).toBe(200);
            const res = await submitAs(annotator.token, claimed.body.assignmentId, values());
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            submitted.push({ annotator, assignmentId: claimed.body.assignmentId });
          }
        }),
      );
    await label(18);
    for (const spec of [RANKING, RUBRIC]) {
      const input = ZLabelDefinitionInput.parse({ ...spec, title: `${spec.key}, second wording` });
      expect((await updateLabelDefinition(project.id, spec.key, input, lead.id)).isNewVersion).toBe(true);
    }
    await label(36);
    for (let n = 0; n < 8; n++) {
      const { annotator, assignmentId } = pick(submitted);
      await reviseAnnotations({ id: annotator.id, isAdmin: false }, assignmentId, { values: values() });
    }
    await expectRollupsEqualRecount(project.id);

    const rows = await currentAnnotations(project.id);
    expect(new Set(rows.map((r) => r.v))).toEqual(new Set([1, 2]));
    const res = await callRoute(overviewRoute, { token: lead.token, params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    type TEntry = {
      key: string;
      version: number | null;
      value: number | null;
      labels: number;
      also: { metric: string; value: number | null }[];
      criteria?: { key: string; value: number | null }[];
    };
    const entries = res.body.definitions as TEntry[];
    for (const version of [1, 2, null]) {
      const entry = (key: string) => entries.find((d) => d.key === key && d.version === version)!;
      const rankings = byItem<number[]>(rows, "rank", version);
      const units: Rating[][] = rankings.flatMap((labels) =>
        [0, 1, 2, 3].map((j) => labels.map((l) => l[j])),
      );
      const rank = entry("rank");
      expect(rank.labels).toBe(rankings.flat().length);
      expect(rank.value).toBeCloseTo(krippendorffAlpha(units, "ordinal")!, 10);
      const ws = rankings
        .filter((labels) => labels.length >= 2)
        .map((labels) => kendallW(labels))
        .filter((w): w is number => w !== null);
      const w = rank.also.find((f) => f.metric === "kendall_w_mean")!;
      expect(w.value).toBeCloseTo(ws.reduce((a, b) => a + b, 0) / ws.length, 10);

      const scores = byItem<Record<string, number>>(rows, "quality", version);
      const criteria = entry("quality").criteria!;
      for (const key of ["helpful", "harmless"]) {
        const expected = krippendorffAlpha(
          scores.map((labels) => labels.map((l) => l[key])),
          "ordinal",
        );
        const got = criteria.find((c) => c.key === key)!.value;
        if (expected === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(expected, 10);
      }
    }
  });
});
