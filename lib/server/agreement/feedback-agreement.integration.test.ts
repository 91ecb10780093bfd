import { afterAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/projects/[id]/agreement/definitions/[key]/route";
import { GET as overviewRoute } from "@/app/api/v1/projects/[id]/agreement/route";
import { POST as importRoute } from "@/app/api/v1/projects/[id]/items/route";
import { kendallW } from "@/lib/agreement/kendall-w";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import { createPrng } from "@/lib/agreement/prng";
import type { Rating } from "@/lib/agreement/types";
import { disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const DEFINITIONS = [
  { key: "rank", kind: "ranking", promptField: "prompt", allowTies: true },
  {
    key: "quality",
    kind: "rubric",
    criteria: [
      { key: "helpful", min: 1, max: 5, minLabel: "useless", maxLabel: "very" },
      { key: "harmless", min: 0, max: 2 },
    ],
  },
];
const RANKINGS = [
  [1, 2, 3, 4],
  [1, 3, 2, 4],
  [2, 1, 3, 4],
  [1, 2, 2, 3],
  [4, 3, 2, 1],
  [1, 1, 2, 2],
];

describe("rankings and rubrics submitted through the queue", () => {
  it("give exactly the agreement module's values, and the drill-down names the disputed responses", async () => {
    const { lead, annotators, params } = await createLabelingProject({
      items: 12,
      overlap: 3,
      annotators: 4,
      definitions: DEFINITIONS,
      data: (i) => ({ prompt: `Prompt ${i}`, responses: [`r0 ${i}`, `r1 ${i}`, `r2 ${i}`, `r3 ${i}`] }),
    });
    const rng = createPrng(11);
    const pick = <T>(xs: readonly T[]) => xs[rng.nextIndex(xs.length)];
    const given = new Map<string, { rank: number[]; quality: Record<string, number> }[]>();

    // Bad input first: each a 422 naming the field, and nothing stored.
    const first = await claimAs(annotators[0].token, params);
    expect(first.status).toBe(200);
    const quality = { helpful: 3, harmless: 1 };
    for (const [rank, message] of [
      [[1, 2, 3], /ranks 3 responses but the item has 4/],
      [[1, 2, 3, 5], /rank 5 is outside 1\.\.4/],
      [[1, 3, 3, 4], /rank 2 is missing/],
    ] as const) {
      const res = await submitAs(annotators[0].token, first.body.assignmentId, { rank, quality });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { message: string }) => e.message).join(" ")).toMatch(message);
      expect(res.body.errors[0].path).toMatch(/^values\.rank/);
    }
    const missing = await submitAs(annotators[0].token, first.body.assignmentId, {
      rank: [1, 2, 3, 4],
      quality: { helpful: 3 },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      { path: "values.quality.harmless", message: expect.stringContaining("is required") },
    ]);

    const values = () => ({
      rank: pick(RANKINGS),
      quality: { helpful: pick([1, 2, 4, 4, 5]), harmless: pick([0, 2, 2]) },
    });
    const firstValues = values();
    expect((await submitAs(annotators[0].token, first.body.assignmentId, firstValues)).status).toBe(201);
    given.set(first.body.item.externalId, [firstValues]);
    for (let round = 0; round < 100; round++) {
      let served = 0;
      for (const annotator of annotators) {
        const next = await claimAs(annotator.token, params);
        if (next.status === 204) continue;
        const v = values();
        const res = await submitAs(annotator.token, next.body.assignmentId, v);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        if (!given.has(next.body.item.externalId)) given.set(next.body.item.externalId, []);
        given.get(next.body.item.externalId)!.push(v);
        served++;
      }
      if (served === 0) break;
    }
    const items = [...given.values()];
    expect(items).toHaveLength(12);
    expect(items.every((labels) => labels.length === 3)).toBe(true);

    const res = await callRoute(overviewRoute, { token: lead.token, params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entry = (key: string) =>
      res.body.definitions.find(
        (d: { key: string; version: number | null }) => d.key === key && d.version === null,
      );

    // Textbook references: ordinal alpha on the (item, response position) x annotation matrix; W per item.
    const units: Rating[][] = items.flatMap((labels) =>
      [0, 1, 2, 3].map((j) => labels.map((l) => l.rank[j])),
    );
    const rank = entry("rank");
    expect(rank).toMatchObject({
      metric: "alpha_ordinal_ranks",
      annotators: 4,
      itemsLabeled: 12,
      labels: 36,
    });
    expect(rank.value).toBeCloseTo(krippendorffAlpha(units, "ordinal")!, 10);
    expect(rank.ci[0]).toBeLessThanOrEqual(rank.value);
    expect(rank.ci[1]).toBeGreaterThanOrEqual(rank.value);
    const ws = items
      .map((labels) => kendallW(labels.map((l) => l.rank)))
      .filter((w): w is number => w !== null);
    const w = rank.also.find((f: { metric: string }) => f.metric === "kendall_w_mean");
    expect(w.value).toBeCloseTo(ws.reduce((a, b) => a + b, 0) / ws.length, 10);
    expect(w.itemsCompared).toBe(ws.length);

    const rubric = entry("quality");
    expect(rubric.metric).toBe("alpha_ordinal");
    const alphas = ["helpful", "harmless"].map((key) =>
      krippendorffAlpha(
        items.map((labels) => labels.map((l) => l.quality[key])),
        "ordinal",
      ),
    );
    expect(rubric.criteria.map((c: { key: string }) => c.key)).toEqual(["helpful", "harmless"]);
    rubric.criteria.forEach((c: { value: number; metric: string }, i: number) => {
      expect(c.metric).toBe("alpha_ordinal");
      expect(c.value).toBeCloseTo(alphas[i]!, 10);
    });
    expect(rubric.value).toBeCloseTo(Math.min(alphas[0]!, alphas[1]!), 10);

    const drill = await callRoute(detailRoute, { token: lead.token, params: { ...params, key: "rank" } });
    expect(drill.status, JSON.stringify(drill.body)).toBe(200);
    const worst = drill.body.disagreements[0];
    expect(worst.responses).toHaveLength(4);
    const spreads = worst.responses.map((r: { spread: number }) => r.spread);
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
    expect(worst.responses[0].text).toMatch(/^r\d /);
  });

  it("refuses at import an item whose responses field is not an array of strings, naming the field and the line", async () => {
    const { lead, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
      definitions: DEFINITIONS,
      data: () => ({ prompt: "p", responses: ["a", "b"] }),
    });
    const body = [
      JSON.stringify({ data: { prompt: "ok", responses: ["x", "y"] } }),
      JSON.stringify({ data: { prompt: "bad", responses: "x or y" } }),
    ].join("\n");
    const res = await callRoute(importRoute, {
      token: lead.token,
      params,
      body,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toMatch(/line 2|"line":2/);
    expect(JSON.stringify(res.body)).toContain("data.responses");
  });
});
