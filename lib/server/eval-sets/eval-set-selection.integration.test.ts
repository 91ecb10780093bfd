// The eval-set preview and freeze against a reference: the plain path they took before they were made
// fast (issue #15), every item of the project read and labeled one by one, nothing cached, the
// filter, sample and statistics applied to that. A project with mixed rules (majority, unanimous,
// minimum agreement), multi-choice answers given in different orders, empty answers, revisions,
// adjudications (gold and not), flags, and unresolved and unlabeled items. Since
// docs/decisions/036-stored-final-labels.md the candidates come from labels stored in review states,
// filtered in SQL: every filter here holds that SQL to compileFilter's answers, through the preview
// (which stores stale states first) and the freeze; the last test reads with states gone stale.
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
import { candidateCacheCounts, clearCandidateCache } from "@/lib/server/eval-sets/candidate-cache";
import { prepareFilter } from "@/lib/server/eval-sets/prepare-filter";
import { previewEvalSet } from "@/lib/server/eval-sets/preview-eval-set";
import { selectEvalSetItems } from "@/lib/server/eval-sets/select-eval-set-items";
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
let batchId: string;

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
  // Flags on labeled and unlabeled items (i % 6 === 0 has no annotations).
  await getPool().query(
    `INSERT INTO item_flags (project_id, item_id, user_id, kind)
     SELECT $1, id, $2, 'unclear' FROM unnest($3::bigint[]) AS id`,
    [s.project.id, s.annotators[0].id, s.itemIds.filter((_, i) => i % 5 === 0)],
  );
  const batches = await getPool().query<{ batch_id: string }>(
    "SELECT DISTINCT batch_id FROM items WHERE project_id = $1",
    [s.project.id],
  );
  batchId = batches.rows[0].batch_id;
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
  const { rows: flags } = await pool.query<{ item_id: string }>(
    "SELECT DISTINCT item_id::text FROM item_flags WHERE project_id = $1",
    [s.project.id],
  );
  const flagged = new Set(flags.map((f) => f.item_id));
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
    const isFlagged = flagged.has(item.id);
    if (!prepared.matches({ itemId: item.id, batchId: item.batch_id, labels, versions, isFlagged })) continue;
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
  { resolution: "any", flagged: true },
  { definitions: ["topics"], resolution: "any", flagged: false, batches: ["<batch>"] },
  { definitionVersions: { sentiment: [1] }, labels: { sentiment: ["neg", "neu"] } },
  { resolution: "any", minItemAgreement: 0.3, sample: { size: 12, seed: 5, stratifyBy: "topics" } },
];
/** The project's batch id, known once it exists, where a filter says "<batch>". */
const withBatch = (filter: TEvalSetFilter): TEvalSetFilter =>
  filter.batches ? { ...filter, batches: filter.batches.map(() => batchId) } : filter;

describe("the eval-set preview and freeze, against the plain path", () => {
  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    "preview %s: the same counts, distribution, agreement, sources and examples",
    async (_, given) => {
      const filter = withBatch(given);
      const expected = await reference(filter);
      expect(expected.preview.candidates).toBeGreaterThan(0);
      expect(await previewEvalSet(s.project.id, filter)).toEqual(expected.preview);
      // The preview stored what it recomputed: the next read is served by stored labels alone.
      expect(await staleStates()).toBe(0);
    },
  );

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    "freeze %s: the same items, data, final labels and annotations",
    async (_, given) => {
      const filter = withBatch(given);
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

  it("reads the same items when states went stale after they were stored, in one snapshot", async () => {
    const pool = getPool();
    await previewEvalSet(s.project.id, {});
    expect(await staleStates()).toBe(0);
    // New annotations on unlabeled items, a revision and an adjudication: their rows go stale.
    for (const i of [6, 12, 18]) {
      await annotate(s.project.id, s.itemIds[i], s.annotators[0].id, {
        sentiment: "neu",
        topics: ["c"],
        tone: "y",
      });
    }
    await reviseAnnotation(s.itemIds[2], s.annotators[0].id, "sentiment", "neg");
    await callRoute(adjudicateRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: s.itemIds[4] },
      json: { definition: "sentiment", value: "neu" },
    });
    expect(await staleStates()).toBe(5);
    for (const filter of [{}, { resolution: "any" as const, sample: { size: 20, seed: 9 } }]) {
      const expected = await reference(filter);
      const client = await pool.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
        const prepared = await prepareFilter(client, s.project.id, filter);
        const selection = await selectEvalSetItems(client, s.project.id, prepared);
        const got: { itemId: string; labels: Record<string, TFinalLabel> }[] = [];
        for await (const page of selection.pages)
          for (const item of page) got.push({ itemId: item.itemId, labels: item.labels });
        await client.query("COMMIT");
        expect(selection.counts.candidates).toBe(expected.preview.candidates);
        expect(got.map((g) => g.itemId)).toEqual(expected.rows.map((r) => r.item_id));
      } finally {
        client.release();
      }
      // Reading in the snapshot stored nothing; so does a preview told to store none, and it agrees.
      expect(await staleStates()).toBe(5);
      expect(await previewEvalSet(s.project.id, filter, { refreshLimit: 0 })).toEqual(expected.preview);
      expect(await staleStates()).toBe(5);
    }
    // With a sample whose examples include stale items.
    const sampled = { resolution: "any" as const, sample: { size: 60, seed: 4 } };
    expect(await previewEvalSet(s.project.id, sampled, { refreshLimit: 0 })).toEqual(
      (await reference(sampled)).preview,
    );
    expect(await previewEvalSet(s.project.id, {})).toEqual((await reference({})).preview);
    expect(await staleStates()).toBe(0);
  });
});

describe("the cached candidates (docs/decisions/037-incremental-candidates.md)", () => {
  // Filters whose answers the changes below move: unlabeled items, adjudications, flags, a sample,
  // a stratified sample.
  const WATCHED: TEvalSetFilter[] = [
    { resolution: "any" },
    { resolution: "adjudicated" },
    { resolution: "any", flagged: true },
    { resolution: "any", sample: { size: 30, seed: 2 } },
    { resolution: "any", sample: { size: 25, seed: "x", stratifyBy: "sentiment" } },
  ];
  /** Each watched filter's preview, from the cache as it stands, equals the plain path's answer. */
  async function expectCurrent(note: string) {
    for (const [n, filter] of WATCHED.entries()) {
      const expected = (await reference(filter)).preview;
      // The first two read stale states as they are (labeled in the snapshot); the third stores them
      // (fresh rows, with new transaction ids, read by their stored labels from then on).
      const refreshLimit = n < 2 ? 0 : undefined;
      expect(
        await previewEvalSet(s.project.id, filter, { refreshLimit }),
        `${note}: ${JSON.stringify(filter)}`,
      ).toEqual(expected);
    }
  }

  afterAll(() => clearCandidateCache());

  it.each([
    ["with the labels kept", true],
    ["without labels (as for spans or free text)", false],
  ])(
    "stay exact through labels, adjudications, flags, new items and a rule change, %s, without reading them all again",
    async (_, keepLabels) => {
      const pool = getPool();
      await previewEvalSet(s.project.id, {});
      expect(await staleStates()).toBe(0);
      clearCandidateCache({ keepLabels });
      // The second run changes other items (the first one's changes stay).
      const at = (i: number) => s.itemIds[keepLabels ? i : i + 12];
      await expectCurrent("first read");
      const anyBefore = (await reference({ resolution: "any" })).preview.candidates;
      await annotate(s.project.id, at(24), s.annotators[1].id, {
        sentiment: "pos",
        topics: ["a"],
        tone: "x",
      });
      await reviseAnnotation(at(8), s.annotators[1].id, "sentiment", "neu");
      await callRoute(adjudicateRoute, {
        token: s.lead.token,
        params: { id: s.project.id, itemId: at(9) },
        json: { definition: "sentiment", value: "pos" },
      });
      const builds = () => candidateCacheCounts().builds;
      let before = builds();
      await expectCurrent("labels and an adjudication");
      // Read from the cache brought up to date, not whole again.
      expect(builds()).toBe(before);
      await pool.query(
        "INSERT INTO item_flags (project_id, item_id, user_id, kind) VALUES ($1, $2, $3, 'unclear'), ($1, $4, $3, 'unclear')",
        [s.project.id, at(7), s.annotators[0].id, at(31)],
      );
      before = builds();
      await expectCurrent("flags");
      // Flags matter to the filter by flags alone.
      expect(builds()).toBe(before + 1);
      await pool.query(
        `INSERT INTO items (project_id, batch_id, content_hash, data, target_count)
       SELECT $1, $2, md5('candidate cache ' || $3 || n), jsonb_build_object('text', 'new ' || n), 5 FROM generate_series(1, 4) n`,
        [s.project.id, batchId, String(keepLabels)],
      );
      await expectCurrent("new items");
      expect((await reference({ resolution: "any" })).preview.candidates).toBeGreaterThan(anyBefore);
      const rule = await callRoute(setRuleRoute, {
        method: "PUT",
        token: s.lead.token,
        params: { ...s.params, key: "sentiment" },
        json: { kind: "min_agreement", minAgreement: keepLabels ? 0.7 : 0.8 },
      });
      expect(rule.status).toBe(200);
      await expectCurrent("a rule change");
    },
  );

  it("sees a write whose transaction began before the cached snapshot and committed after it", async () => {
    const pool = getPool();
    const filter: TEvalSetFilter = { resolution: "adjudicated" };
    // Two items resolved by the rule alone: an adjudication moves each into the filter's answer.
    const [early, later] = (await reference({ resolution: "automatic" })).rows.map((r) => r.item_id);
    const definition = await pool.query<{ id: string; current_version: number }>(
      "SELECT id, current_version FROM label_definitions WHERE project_id = $1 AND key = 'sentiment'",
      [s.project.id],
    );
    const adjudicate = (q: { query: typeof pool.query }, itemId: string) =>
      q.query(
        `INSERT INTO adjudications (project_id, item_id, definition_id, definition_version, value, decided_by_id)
         VALUES ($1, $2, $3, $4, '"neg"', $5)`,
        [s.project.id, itemId, definition.rows[0].id, definition.rows[0].current_version, s.lead.id],
      );
    await previewEvalSet(s.project.id, filter, { refreshLimit: 0 });
    const writer = await pool.connect();
    try {
      // The early transaction writes first (its id is the lower), a later one commits before the read.
      await writer.query("BEGIN");
      await adjudicate(writer as never, early);
      await adjudicate(pool as never, later);
      const read = await previewEvalSet(s.project.id, filter, { refreshLimit: 0 });
      await writer.query("COMMIT");
      const expected = (await reference(filter)).preview;
      expect(read.candidates).toBe(expected.candidates - 1);
      expect(await previewEvalSet(s.project.id, filter, { refreshLimit: 0 })).toEqual(expected);
    } finally {
      writer.release();
    }
  });
});

async function staleStates(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM review_states WHERE project_id = $1 AND is_stale",
    [s.project.id],
  );
  return rows[0].n;
}
