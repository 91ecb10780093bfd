import { afterAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/projects/[id]/agreement/definitions/[key]/route";
import { GET as driftRoute } from "@/app/api/v1/projects/[id]/agreement/drift/route";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { bootstrapAlpha } from "@/lib/agreement/bootstrap";
import { cohensKappa } from "@/lib/agreement/cohen";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { masiAlpha, multiLabelAlphaPerOption } from "@/lib/agreement/multi-label";
import { patternKey } from "@/lib/agreement/pattern-table";
import { percentAgreement } from "@/lib/agreement/percent-agreement";
import { createPrng } from "@/lib/agreement/prng";
import { spanAgreement, type AnnotatorSpans } from "@/lib/agreement/span-agreement";
import type { Rating } from "@/lib/agreement/types";
import { chiSquareHomogeneity } from "@/lib/drift/chi-square";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { listItemAnnotations } from "./list-item-annotations";

afterAll(async () => {
  await disconnectDb();
});

type TUser = { id: string; token: string };
type TParams = { id: string };

const DEFINITIONS = [
  { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }] },
  { key: "quality", kind: "rating", min: 1, max: 5 },
  { key: "topics", kind: "multi_choice", options: [{ key: "food" }, { key: "staff" }, { key: "price" }] },
  { key: "entities", kind: "spans", options: [{ key: "PER" }, { key: "LOC" }], textField: "text" },
  { key: "better", kind: "pairwise" },
  { key: "summary", kind: "free_text" },
];
const TEXT = "Anna met Bob in Paris and Rome";

const overview = (token: string, params: TParams) => callRoute(overviewRoute, { token, params });
const detail = (token: string, params: TParams, key: string, query = "") =>
  callRoute(detailRoute, { token, params: { ...params, key }, path: `/x${query}` });
const drift = (token: string, params: TParams) => callRoute(driftRoute, { token, params });

/** Every annotator takes items from the queue until it is empty, submitting `valuesFor(annotator, item)`. */
async function labelAll(
  annotators: TUser[],
  params: TParams,
  valuesFor: (
    annotator: number,
    itemExternalId: string,
    served: { definitions: { key: string; version: number }[] },
  ) => Record<string, unknown> | Promise<Record<string, unknown>>,
) {
  for (let round = 0; ; round++) {
    let served = 0;
    for (const [n, annotator] of annotators.entries()) {
      const next = await claimAs(annotator.token, params);
      if (next.status === 204) continue;
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      const res = await submitAs(
        annotator.token,
        next.body.assignmentId,
        await valuesFor(n, next.body.item.externalId, next.body),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      served++;
    }
    if (served === 0) return;
    expect(round).toBeLessThan(500);
  }
}

/** The module's reliability matrix (rows = items, columns = annotators) of what was submitted. */
function matrixOf<T>(given: Map<string, Map<number, T>>, annotators: number): (T | null)[][] {
  return [...given.values()].map((row) => Array.from({ length: annotators }, (_, a) => row.get(a) ?? null));
}

/** Rows ordered by their pattern (`patternKey`), the order the server resamples items in. */
function canonicalRows(m: Rating[][]): Rating[][] {
  const keyOf = (row: Rating[]) => {
    const counts = new Map<string | number, number>();
    for (const v of row) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return patternKey([...counts]);
  };
  return [...m].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
};

describe("agreement computed from annotations submitted through the queue", () => {
  it("equals the agreement module on the same data, for every kind of definition", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 14,
      overlap: 3,
      annotators: 5,
      definitions: DEFINITIONS,
      data: (i) => ({ text: TEXT, a: `Answer A ${i}`, b: `Answer B ${i}` }),
    });
    const rng = createPrng(7);
    const pick = <T>(xs: readonly T[]) => xs[rng.nextIndex(xs.length)];
    const given = new Map<string, Map<string, Map<number, unknown>>>(
      DEFINITIONS.map((d) => [d.key, new Map()]),
    );
    const spanChoices = [
      [{ start: 0, end: 4, label: "PER" }],
      [
        { start: 0, end: 4, label: "PER" },
        { start: 16, end: 21, label: "LOC" },
      ],
      [{ start: 0, end: 3, label: "PER" }],
      [],
      [{ start: 26, end: 30, label: "LOC" }],
    ];
    await labelAll(annotators, params, (n, item) => {
      const values: Record<string, unknown> = {
        sentiment: pick(["pos", "pos", "neg", "neu"]),
        quality: pick([2, 3, 3, 4, 5]),
        topics: pick([["food"], ["food", "staff"], [], ["price"], ["staff"]]),
        entities: pick(spanChoices),
        better: pick(["A", "B", "tie", "A"]),
        summary: pick(["good", "bad", "good"]),
      };
      for (const [key, value] of Object.entries(values)) {
        const byItem = given.get(key)!;
        if (!byItem.has(item)) byItem.set(item, new Map());
        byItem.get(item)!.set(n, value);
      }
      return values;
    });

    const res = await overview(lead.token, params);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entry = (key: string, version: number | null) =>
      res.body.definitions.find(
        (d: { key: string; version: number | null }) => d.key === key && d.version === version,
      );
    // One version each: an entry for version 1 and one over all versions, the same numbers.
    expect(res.body.definitions).toHaveLength(DEFINITIONS.length * 2);

    const sentiment = matrixOf(given.get("sentiment")! as Map<string, Map<number, Rating>>, 5);
    const s = entry("sentiment", null);
    expect(s).toMatchObject({
      metric: "alpha_nominal",
      itemsCompared: 14,
      annotators: 5,
      labels: 42,
      version: null,
    });
    close(s.value, krippendorffAlpha(sentiment, "nominal"));
    // Same seed, same draws, items in the canonical pattern order the server uses: the same interval.
    const reference = bootstrapAlpha(canonicalRows(sentiment), "nominal", { seed: 42, draws: 1000 });
    close(s.ci[0], reference.ci![0]);
    close(s.ci[1], reference.ci![1]);
    close(
      s.also.find((f: { metric: string }) => f.metric === "percent_agreement").value,
      percentAgreement(sentiment),
    );
    expect(entry("sentiment", 1)).toMatchObject({ value: s.value, ci: s.ci, itemsCompared: 14 });

    const quality = matrixOf(given.get("quality")! as Map<string, Map<number, Rating>>, 5);
    const q = entry("quality", null);
    expect(q.metric).toBe("alpha_ordinal");
    close(q.value, krippendorffAlpha(quality, "ordinal"));
    close(
      q.also.find((f: { metric: string }) => f.metric === "alpha_interval").value,
      krippendorffAlpha(quality, "interval"),
    );

    const topics = matrixOf(given.get("topics")! as Map<string, Map<number, string[]>>, 5);
    const t = entry("topics", null);
    expect(t.metric).toBe("alpha_masi");
    close(t.value, masiAlpha(topics));
    const perOption = multiLabelAlphaPerOption(topics, ["food", "staff", "price"]);
    for (const option of ["food", "staff", "price"])
      close(t.also.find((f: { option?: string }) => f.option === option).value, perOption[option]);

    const better = matrixOf(given.get("better")! as Map<string, Map<number, Rating>>, 5);
    close(entry("better", null).value, krippendorffAlpha(better, "nominal"));

    const summary = matrixOf(given.get("summary")! as Map<string, Map<number, Rating>>, 5);
    expect(entry("summary", null).metric).toBe("exact_match_rate");
    close(entry("summary", null).value, percentAgreement(summary));

    const spans: AnnotatorSpans[][] = [...given.get("entities")!.values()].map((row) =>
      [...row].map(([a, spansOf]) => ({ annotator: String(a), spans: spansOf as AnnotatorSpans["spans"] })),
    );
    const e = entry("entities", null);
    expect(e.metric).toBe("span_f1_overlap");
    close(e.value, spanAgreement(spans, "overlap").f1);
    close(
      e.also.find((f: { metric: string }) => f.metric === "span_f1_exact").value,
      spanAgreement(spans, "exact").f1,
    );
    const perLabel = spanAgreement(spans, "overlap").perLabel;
    close(e.also.find((f: { option?: string }) => f.option === "PER").value, perLabel.PER);
    for (const d of res.body.definitions) {
      if (d.value !== null && d.ci) {
        expect(d.ci[0]).toBeLessThanOrEqual(d.value + 1e-12);
        expect(d.ci[1]).toBeGreaterThanOrEqual(d.value - 1e-12);
      }
    }

    // The drill-down: pairwise kappa equals cohensKappa on the two annotators' shared items.
    const drill = await detail(lead.token, params, "sentiment");
    expect(drill.status, JSON.stringify(drill.body)).toBe(200);
    const ids = annotators.map((a) => a.id);
    for (const cell of drill.body.matrix.cells) {
      const [a, b] = [ids.indexOf(cell.a), ids.indexOf(cell.b)];
      const shared = sentiment.filter((row) => row[a] !== null && row[b] !== null);
      expect(cell.items).toBe(shared.length);
      close(
        cell.kappa,
        cohensKappa(
          shared.map((r) => r[a]),
          shared.map((r) => r[b]),
        ),
      );
    }
    expect(drill.body.matrix.cells.length).toBeGreaterThan(0);
    // Each annotator against the others: the pooled table of their pairs.
    for (const annotator of drill.body.annotators) {
      const a = ids.indexOf(annotator.id);
      const mine: Rating[] = [];
      const theirs: Rating[] = [];
      for (const row of sentiment)
        if (row[a] !== null)
          row.forEach((v, b) => {
            if (b !== a && v !== null) {
              mine.push(row[a]);
              theirs.push(v);
            }
          });
      close(annotator.kappa, cohensKappa(mine, theirs));
      expect(annotator.labels).toBe(sentiment.filter((row) => row[a] !== null).length);
    }
    // The confusion table counts every pair of labels on an item once.
    const labels: string[] = drill.body.categories.map((c: { value: string }) => c.value);
    const naive = labels.map(() => labels.map(() => 0));
    for (const row of sentiment) {
      const present = row.filter((v): v is string => v !== null);
      for (let i = 0; i < present.length; i++)
        for (let j = i + 1; j < present.length; j++) {
          const [x, y] = [labels.indexOf(present[i]), labels.indexOf(present[j])];
          naive[x][y]++;
          if (x !== y) naive[y][x]++;
        }
    }
    expect(drill.body.confusion).toEqual(naive);
    // One against the rest, per option.
    for (const f of drill.body.perOption) {
      const recoded = sentiment.map((row) => row.map((v) => (v === null ? null : v === f.option ? 1 : 0)));
      close(f.value, krippendorffAlpha(recoded, "nominal"));
    }
    // The items with the most disagreement come first, with all their labels.
    const shares: number[] = drill.body.disagreements.map((d: { agreement: number }) => d.agreement);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    expect(drill.body.disagreements[0].labels).toHaveLength(3);
    const worst = Math.min(
      ...sentiment.map((row) => {
        const present = row.filter((v) => v !== null);
        const agreeing = present.flatMap((x, i) => present.slice(i + 1).map((y) => (x === y ? 1 : 0)));
        return agreeing.reduce((n: number, x) => n + x, 0) / agreeing.length;
      }),
    );
    expect(shares[0]).toBeCloseTo(worst, 12);

    // Spans drill-down: F1 per pair of annotators.
    const spanDrill = await detail(lead.token, params, "entities");
    expect(spanDrill.status).toBe(200);
    for (const cell of spanDrill.body.matrix.cells) {
      const [a, b] = [String(ids.indexOf(cell.a)), String(ids.indexOf(cell.b))];
      const pairs = spans
        .map((item) => item.filter((x) => x.annotator === a || x.annotator === b))
        .filter((item) => item.length === 2);
      close(cell.agreement, spanAgreement(pairs, "overlap").f1);
    }

    // Every label of an item, side by side, for the item page.
    const itemId = drill.body.disagreements[0].itemId;
    const onItem = await listItemAnnotations(params.id, itemId);
    expect(onItem.map((d) => d.key)).toEqual(DEFINITIONS.map((d) => d.key));
    expect(onItem[0].labels).toHaveLength(3);
  });
});

describe("agreement per guideline version", () => {
  it("gives each version its own figure and the union over all versions", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 12,
      overlap: 2,
      annotators: 3,
    });
    const given = new Map<string, Map<number, Rating>>();
    const version = new Map<string, number>();
    let submitted = 0;
    // Annotator 2 always says "pos", the others follow the item's parity; a new version after 12 labels.
    await labelAll(annotators, params, async (n, item, served) => {
      if (submitted++ === 12) {
        const put = await callRoute(updateDefinition, {
          method: "PUT",
          token: lead.token,
          params: { ...params, key: "sentiment" },
          json: {
            key: "sentiment",
            kind: "single_choice",
            options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
            guidelines: "Be strict.",
          },
        });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
      }
      const value = n === 2 ? "pos" : Number(item.replace("item-", "")) % 2 ? "neg" : "pos";
      if (!given.has(item)) given.set(item, new Map());
      given.get(item)!.set(n, value);
      version.set(`${item}:${n}`, served.definitions.find((d) => d.key === "sentiment")!.version);
      return { sentiment: value };
    });
    expect(new Set(version.values())).toEqual(new Set([1, 2]));
    const res = await overview(lead.token, params);
    const entries = res.body.definitions.filter((d: { key: string }) => d.key === "sentiment");
    expect(entries.map((d: { version: number | null }) => d.version)).toEqual([1, 2, null]);
    const matrixFor = (v: number | null) =>
      [...given].map(([item, row]) =>
        [0, 1, 2].map((n) =>
          row.has(n) && (v === null || version.get(`${item}:${n}`) === v) ? row.get(n)! : null,
        ),
      );
    for (const e of entries) {
      close(e.value, krippendorffAlpha(matrixFor(e.version), "nominal"));
      expect(e.itemsCompared).toBe(
        matrixFor(e.version).filter((r) => r.filter((x) => x !== null).length >= 2).length,
      );
    }
    expect(entries[2].labels).toBe(submitted);
    expect(entries[2].trend.length).toBeGreaterThan(0);
    const v2 = await detail(lead.token, params, "sentiment", "?version=2");
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);
    close(v2.body.summary.value, entries[1].value);
  });
});

describe("label drift", () => {
  it("flags a batch whose labels shift, with the chi-square test on the two batches' counts", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 20,
      overlap: 2,
      annotators: 2,
    });
    const second = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ externalId: `late-${i}`, data: { text: `Late ${i}` } }),
    );
    const imported = await callRoute(importRoute, {
      token: lead.token,
      params,
      path: "/x?name=second",
      body: second.join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(imported.status).toBe(201);
    // First batch mostly "pos", second mostly "neg".
    await labelAll(annotators, params, (n, item) => ({
      sentiment: item.startsWith("late-")
        ? n === 0 && item.endsWith("1")
          ? "pos"
          : "neg"
        : n === 1 && item.endsWith("3")
          ? "neu"
          : "pos",
    }));
    const res = await drift(lead.token, params);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.method).toMatchObject({ pValueBelow: 0.01, minLabels: 30, minCramersV: 0.1 });
    const d = res.body.definitions.find((x: { key: string }) => x.key === "sentiment");
    expect(d.byBatch).toHaveLength(2);
    const [first, later] = d.byBatch;
    expect(first.labels).toBe(40);
    expect(later.labels).toBe(40);
    expect(first.shift).toBeNull();
    const expected = chiSquareHomogeneity([first.distribution, later.distribution])!;
    expect(later.shift.statistic).toBeCloseTo(expected.statistic, 10);
    expect(later.shift.pValue).toBeCloseTo(expected.pValue, 12);
    expect(later.shift.comparedTo).toBe(first.window);
    expect(later.isShifted).toBe(true);
    const categories = d.categories.map((c: { value: string }) => c.value);
    expect(first.distribution[categories.indexOf("pos")]).toBe(38);
    expect(later.distribution[categories.indexOf("neg")]).toBe(38);
  });
});

describe("who may read agreement", () => {
  it("lets leads and engineers read, refuses annotators (403) and hides the project from others (404)", async () => {
    const { lead, annotators, params } = await createLabelingProject({ items: 4, overlap: 2, annotators: 2 });
    await labelAll(annotators, params, (n) => ({ sentiment: n === 0 ? "pos" : "neg" }));
    const engineer = await createTestUser();
    const outsider = await createTestUser();
    const { db } = await import("@/lib/db");
    await db.membership.create({ data: { projectId: params.id, userId: engineer.id, role: "engineer" } });

    for (const call of [overview, drift, (token: string, p: TParams) => detail(token, p, "sentiment")]) {
      expect((await call(lead.token, params)).status).toBe(200);
      expect((await call(engineer.token, params)).status).toBe(200);
      const refused = await call(annotators[0].token, params);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect((await call(outsider.token, params)).status).toBe(404);
    }
    // Engineers see pseudonyms, not who labelled what.
    const asEngineer = await detail(engineer.token, params, "sentiment");
    const text = JSON.stringify(asEngineer.body);
    for (const a of annotators) expect(text).not.toContain(a.id);
    expect(asEngineer.body.annotators.map((a: { id: string }) => a.id).sort()).toEqual(["a1", "a2"]);
    const asLead = await detail(lead.token, params, "sentiment");
    expect(asLead.body.annotators.map((a: { id: string }) => a.id).sort()).toEqual(
      annotators.map((a) => a.id).sort(),
    );
  });

  it("answers bad input with problem+json naming the field, and unknown definitions with 404", async () => {
    const { lead, params } = await createLabelingProject({ items: 1, overlap: 2, annotators: 1 });
    const bad = await detail(lead.token, params, "sentiment", "?version=latest");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain("version");
    const unknownParam = await detail(lead.token, params, "sentiment", "?versoin=1");
    expect(unknownParam.status).toBe(400);
    expect((await detail(lead.token, params, "nope")).status).toBe(404);
    expect((await detail(lead.token, params, "sentiment", "?version=9")).status).toBe(404);
    // No labels yet: a well-formed answer saying so.
    const empty = await overview(lead.token, params);
    expect(empty.status).toBe(200);
    expect(empty.body.definitions).toEqual([
      expect.objectContaining({
        key: "sentiment",
        version: null,
        value: null,
        itemsCompared: 0,
        reading: "undefined",
      }),
    ]);
  });

  it("recomputes when annotations change", async () => {
    const { lead, annotators, params } = await createLabelingProject({ items: 6, overlap: 2, annotators: 2 });
    const first = await claimAs(annotators[0].token, params);
    await submitAs(annotators[0].token, first.body.assignmentId, { sentiment: "pos" });
    expect((await overview(lead.token, params)).body.definitions[0].itemsCompared).toBe(0);
    await labelAll(annotators, params, () => ({ sentiment: "pos" }));
    const after = await overview(lead.token, params);
    expect(
      after.body.definitions.find((d: { version: number | null }) => d.version === null).itemsCompared,
    ).toBe(6);
  });
});

describe("exact counts on every path", () => {
  it("counts wide rating scales, and values no spec lists through the exact fallback", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 10,
      overlap: 3,
      annotators: 3,
      definitions: [{ key: "score", kind: "rating", min: 0, max: 20 }],
    });
    const rng = createPrng(3);
    const given = new Map<string, Map<number, Rating>>();
    await labelAll(annotators, params, (n, item) => {
      const value = [0, 3, 14, 15, 16, 20][rng.nextIndex(6)];
      if (!given.has(item)) given.set(item, new Map());
      given.get(item)!.set(n, value);
      return { score: value };
    });
    const matrix = () => [...given.values()].map((row) => [0, 1, 2].map((n) => row.get(n) ?? null));
    const scoreOf = async () =>
      (await overview(lead.token, params)).body.definitions.find(
        (d: { version: number | null }) => d.version === null,
      );
    close((await scoreOf()).value, krippendorffAlpha(matrix(), "ordinal"));

    // A revision carrying a value outside every version's scale (as a direct database write could).
    const { getPool } = await import("@/lib/db");
    const pool = getPool();
    const { rows } = await pool.query<{ id: string; item: string; user_id: string }>(
      `SELECT a.id, i.external_id AS item, a.user_id FROM annotations a JOIN items i ON i.id = a.item_id
        WHERE a.project_id = $1 ORDER BY a.id LIMIT 1`,
      [params.id],
    );
    await pool.query("UPDATE annotations SET is_current = false WHERE id = $1", [rows[0].id]);
    await pool.query(
      `INSERT INTO annotations (assignment_id, project_id, item_id, user_id, definition_id, definition_version, value, revision)
       SELECT assignment_id, project_id, item_id, user_id, definition_id, definition_version, '25'::jsonb, 2
         FROM annotations WHERE id = $1`,
      [rows[0].id],
    );
    given.get(rows[0].item)!.set(
      annotators.findIndex((a) => a.id === rows[0].user_id),
      25,
    );
    const after = await scoreOf();
    close(after.value, krippendorffAlpha(matrix(), "ordinal"));
    expect(after.labels).toBe(30);
  });
});
