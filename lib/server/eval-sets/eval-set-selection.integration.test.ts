// The eval-set preview and freeze against a reference: the plain path they took before they were made
// fast (issue #15), every item of the project read and labeled one by one, nothing cached, the
// filter, sample and statistics applied to that. A project with mixed rules (majority, unanimous,
// minimum agreement), multi-choice answers given in different orders, empty answers, revisions,
// adjudications (gold and not) and unresolved and unlabeled items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as adjudicateRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/adjudications/route";
import { PUT as setRuleRoute } from "@/app/api/v1/projects/[id]/final-labels/rules/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import type { TEvalSetFilter } from "@/lib/eval-sets/filter-schema";
import { sampleItems } from "@/lib/eval-sets/sampling";
import { SetStatistics } from "@/lib/eval-sets/set-statistics";
import { computeFinalLabel, type TFinalLabel } from "@/lib/final-labels/final-label";
import { normalizeValue, valueKey } from "@/lib/final-labels/value-key";
import { itemPreview } from "@/lib/items/item-preview";
import { canonicalJsonFast } from "@/lib/label-definitions/canonical-json-fast";
import { createEvalSet } from "@/lib/server/eval-sets/create-eval-set";
import { freezeEvalSet } from "@/lib/server/eval-sets/freeze-eval-set";
import { prepareFilter } from "@/lib/server/eval-sets/prepare-filter";
import { previewEvalSet } from "@/lib/server/eval-sets/preview-eval-set";
import { callRoute } from "@/lib/testing/call-route";
import { annotate, createCurationProject, reviseAnnotation } from "@/lib/testing/eval-set-fixtures";

const ITEMS = 90;
const DEFINITIONS = [
  { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }] },
  {
    key: "topics",
    kind: "multi_choice",
    options: [{ key: "a" }, { key: "b" }, { key: "c" }],
    required: false,
  },
  { key: "tone", kind: "single_choice", options: [{ key: "x" }, { key: "y" }] },
];

let s: Awaited<ReturnType<typeof createCurationProject>>;

beforeAll(async () => {
  s = await createCurationProject({ items: ITEMS, annotators: 5, overlap: 5, definitions: DEFINITIONS });
  const rule = (key: string, json: unknown) =>
    callRoute(setRuleRoute, { method: "PUT", token: s.lead.token, params: { ...s.params, key }, json });
  expect((await rule("topics", { kind: "unanimous", minAnnotations: 2 })).status).toBe(200);
  expect((await rule("tone", { kind: "min_agreement", minAgreement: 0.6 })).status).toBe(200);
  // A fixed pseudo-random history: the same project every run.
  let state = 7;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const topics = [[], ["a"], ["b", "a"], ["a", "b"], null, ["c"]];
  for (let i = 0; i < ITEMS; i++) {
    const annotators = i % 6; // 0 to 5 annotators: unlabeled, one vote, ties, majorities
    for (let a = 0; a < annotators; a++) {
      await annotate(s.project.id, s.itemIds[i], s.annotators[a].id, {
        sentiment: ["pos", "neg", "neu", "pos"][next(4)],
        topics: topics[next(topics.length)],
        tone: ["x", "y", "x"][next(3)],
      });
    }
    if (annotators > 1 && i % 9 === 0)
      await reviseAnnotation(s.itemIds[i], s.annotators[0].id, "sentiment", "neu");
    if (i % 7 === 3) {
      const adjudication = { definition: "sentiment", value: "neg", isGold: i % 14 === 3 };
      const res = await callRoute(adjudicateRoute, {
        token: s.lead.token,
        params: { id: s.project.id, itemId: s.itemIds[i] },
        json: adjudication,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    if (i % 11 === 5) {
      await callRoute(adjudicateRoute, {
        token: s.lead.token,
        params: { id: s.project.id, itemId: s.itemIds[i] },
        json: { definition: "topics", value: ["b", "c"] },
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await disconnectDb();
});

type TReferenceItem = {
  itemId: string;
  externalId: string | null;
  data: Record<string, unknown>;
  labels: Record<string, TFinalLabel>;
  annotations: {
    annotator: string;
    values: Record<string, unknown>;
    definitionVersions: Record<string, number>;
  }[];
  annotationCount: number;
};

/** The old way: every item in id order, its annotations read and labeled on their own. */
async function reference(filter: TEvalSetFilter) {
  const pool = getPool();
  const prepared = await prepareFilter(pool, s.project.id, filter);
  const { rows: items } = await pool.query<{
    id: string;
    batch_id: string;
    external_id: string | null;
    data: Record<string, unknown>;
  }>("SELECT id::text, batch_id, external_id, data FROM items WHERE project_id = $1 ORDER BY items.id", [
    s.project.id,
  ]);
  const candidates: (TReferenceItem & { stratum?: string })[] = [];
  for (const item of items) {
    const { rows: annotations } = await pool.query<{
      user_id: string;
      definition_id: string;
      definition_version: number;
      value: unknown;
    }>(
      `SELECT user_id, definition_id, definition_version, value FROM annotations
        WHERE item_id = $1 AND is_current ORDER BY created_at, id`,
      [item.id],
    );
    const labels: Record<string, TFinalLabel> = {};
    const versions: Record<string, number[]> = {};
    for (const d of prepared.definitions) {
      const own = annotations.filter((a) => a.definition_id === d.id);
      const { rows: adjudications } = await pool.query<{ value: unknown; is_gold: boolean }>(
        "SELECT value, is_gold FROM adjudications WHERE item_id = $1 AND definition_id = $2 ORDER BY id DESC LIMIT 1",
        [item.id, d.id],
      );
      labels[d.key] = computeFinalLabel(
        d.spec,
        d.rule,
        own.map((a) => ({ userId: a.user_id, version: a.definition_version, value: a.value })),
        adjudications[0] ? { value: adjudications[0].value, isGold: adjudications[0].is_gold } : null,
      );
      versions[d.key] = [...new Set(own.map((a) => a.definition_version))].sort((x, y) => x - y);
    }
    if (!prepared.matches({ itemId: item.id, batchId: item.batch_id, labels, versions })) continue;
    const byUser = new Map<string, TReferenceItem["annotations"][number]>();
    const counted = annotations.filter((a) => prepared.definitions.some((d) => d.id === a.definition_id));
    for (const a of counted) {
      const d = prepared.definitions.find((x) => x.id === a.definition_id)!;
      if (!byUser.has(a.user_id))
        byUser.set(a.user_id, { annotator: a.user_id, values: {}, definitionVersions: {} });
      byUser.get(a.user_id)!.values[d.key] = normalizeValue(d.spec, a.value);
      byUser.get(a.user_id)!.definitionVersions[d.key] = a.definition_version;
    }
    const stratifyBy = prepared.stratifyBy;
    candidates.push({
      itemId: item.id,
      externalId: item.external_id,
      data: item.data,
      labels,
      annotations: [...byUser.values()],
      annotationCount: counted.length,
      stratum: stratifyBy ? valueKey(stratifyBy.spec, labels[stratifyBy.key].value) : undefined,
    });
  }
  const picked = filter.sample
    ? new Set(
        sampleItems(candidates, {
          size: filter.sample.size,
          seed: filter.sample.seed,
          isStratified: prepared.stratifyBy !== null,
        }),
      )
    : null;
  const selected = candidates.filter((c) => picked === null || picked.has(c.itemId));
  const stats = new SetStatistics(prepared.definitions);
  for (const item of selected) stats.add(item.labels, item.annotationCount);
  const result = stats.result();
  const preview = {
    candidates: candidates.length,
    items: result.items,
    annotations: result.annotations,
    labelDistribution: result.labelDistribution,
    agreement: result.agreement,
    sources: result.sources,
    examples: selected.slice(0, 10).map((item) => ({
      itemId: item.itemId,
      externalId: item.externalId,
      preview: itemPreview(item.data),
      labels: Object.fromEntries(prepared.definitions.map((d) => [d.key, item.labels[d.key].value])),
    })),
  };
  const rows = selected.map((item) => ({
    item_id: item.itemId,
    data_json: canonicalJsonFast(item.data),
    labels_json: canonicalJsonFast(
      Object.fromEntries(
        prepared.definitions.map((d) => [
          d.key,
          item.labels[d.key].isResolved ? item.labels[d.key].value : null,
        ]),
      ),
    ),
    annotations: item.annotations,
  }));
  return { preview, rows };
}

const FILTERS: TEvalSetFilter[] = [
  {},
  { resolution: "any" },
  { resolution: "adjudicated" },
  { resolution: "automatic", sample: { size: 9, seed: 3 } },
  { resolution: "any", sample: { size: 25, seed: "x", stratifyBy: "sentiment" } },
  { definitions: ["topics"], labels: { topics: [["a", "b"]] }, resolution: "any" },
  { definitions: ["sentiment", "tone"], minItemAgreement: 0.5 },
  { definitions: ["tone", "topics"], sample: { size: 4, seed: 1 } },
];

describe("the eval-set preview and freeze, against the plain path", () => {
  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    "preview %s: the same counts, distribution, agreement, sources and examples",
    async (_, filter) => {
      const expected = await reference(filter);
      expect(expected.preview.candidates).toBeGreaterThan(0);
      expect(await previewEvalSet(s.project.id, filter)).toEqual(expected.preview);
    },
  );

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    "freeze %s: the same items, data, final labels and annotations",
    async (_, filter) => {
      const expected = await reference(filter);
      const set = await createEvalSet(
        s.project.id,
        { name: `set ${Math.random()}`, description: "", filter },
        s.lead.id,
      );
      const version = await freezeEvalSet(set.id, { id: s.lead.id, name: "lead" });
      const { rows } = await getPool().query(
        `SELECT item_id::text, data_json, labels_json, annotations FROM eval_set_items
          WHERE version_id = $1 ORDER BY eval_set_items.item_id`,
        [version.id],
      );
      expect(rows).toEqual(expected.rows);
    },
  );
});
