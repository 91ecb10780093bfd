import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/projects/[id]/final-labels/route";
import { GET as previewRoute } from "@/app/api/v1/projects/[id]/final-labels/majorities/route";
import { POST as acceptRoute } from "@/app/api/v1/projects/[id]/final-labels/majorities/accept/route";
import { PUT as setRuleRoute } from "@/app/api/v1/projects/[id]/final-labels/rules/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import { annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";
import { callRoute } from "@/lib/testing/call-route";

afterAll(async () => {
  await disconnectDb();
});

type TSetup = Awaited<ReturnType<typeof createCurationProject>>;

/**
 * Under a unanimous rule needing two annotations, by hand: item 0 pos pos neg (majority pos, 2); item 1 pos neg neu (tie);
 * item 2 neg neg neg (resolved by the rule); item 3 neu neu pos (majority neu, 2); item 4 pos neg
 * (still being labeled, tie); item 5 neg (still being labeled, majority neg, 1).
 */
const VOTES = [
  ["pos", "pos", "neg"],
  ["pos", "neg", "neu"],
  ["neg", "neg", "neg"],
  ["neu", "neu", "pos"],
  ["pos", "neg"],
  ["neg"],
];

async function labeled(): Promise<TSetup> {
  const s = await createCurationProject({ items: 6 });
  for (const [item, values] of VOTES.entries()) {
    for (const [i, value] of values.entries()) {
      await annotate(s.project.id, s.itemIds[item], s.annotators[i].id, { sentiment: value });
    }
  }
  const rule = await callRoute(setRuleRoute, {
    method: "PUT",
    token: s.lead.token,
    params: { ...s.params, key: "sentiment" },
    json: { kind: "unanimous", minAnnotations: 2 },
  });
  expect(rule.status).toBe(200);
  return s;
}

const preview = (s: TSetup, query: string, token = s.lead.token) =>
  callRoute(previewRoute, { token, params: s.params, path: `/x?${query}` });
const accept = (s: TSetup, json: unknown, token = s.lead.token) =>
  callRoute(acceptRoute, { token, params: s.params, json });
const adjudicationCount = async (s: TSetup) =>
  (
    await getPool().query("SELECT count(*)::int AS n FROM adjudications WHERE project_id = $1", [
      s.project.id,
    ])
  ).rows[0].n as number;

describe("bulk accept of majority values", () => {
  it("previews the hand-counted set, per filter", async () => {
    const s = await labeled();
    const base = await preview(s, "definition=sentiment");
    expect(base.status, JSON.stringify(base.body)).toBe(200);
    expect(base.body).toMatchObject({
      count: 2,
      sample: [
        { itemId: s.itemIds[0], externalId: "item-0", value: "pos", count: 2, total: 3 },
        { itemId: s.itemIds[3], externalId: "item-3", value: "neu", count: 2, total: 3 },
      ],
    });
    const withIncomplete = await preview(s, "definition=sentiment&includeIncomplete=true");
    expect(withIncomplete.body.count).toBe(3);
    expect(withIncomplete.body.sample[2]).toMatchObject({
      itemId: s.itemIds[5],
      value: "neg",
      count: 1,
      total: 1,
    });
    expect((await preview(s, "definition=sentiment&includeIncomplete=true&minCount=2")).body.count).toBe(2);
    expect((await preview(s, "definition=sentiment&minCount=3")).body.count).toBe(0);
    const unknown = await preview(s, "definition=nope");
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("definition");
    expect((await preview(s, "definition=sentiment&minCount=0")).status).toBe(400);
  });

  it("decides exactly the previewed items, and nothing when the set changed since", async () => {
    const s = await labeled();
    const stale = await accept(s, { definition: "sentiment", includeIncomplete: true, expectedCount: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].path).toBe("expectedCount");
    expect(await adjudicationCount(s)).toBe(0);
    const bad = await accept(s, { definition: "sentiment", expectedCount: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("expectedCount");

    const done = await accept(s, { definition: "sentiment", expectedCount: 2 });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toEqual({ accepted: 2 });
    expect(await adjudicationCount(s)).toBe(2);
    const all = await callRoute(listRoute, { token: s.lead.token, params: s.params, path: "/x?state=all" });
    const labels = all.body.items.map((i: { labels: { sentiment: unknown } }) => i.labels.sentiment);
    expect(labels[0]).toMatchObject({ isResolved: true, source: "adjudication", value: "pos" });
    expect(labels[3]).toMatchObject({ isResolved: true, source: "adjudication", value: "neu" });
    expect(labels[1]).toMatchObject({ isResolved: false });
    const queue = await callRoute(listRoute, { token: s.lead.token, params: s.params });
    expect(queue.body.items.map((i: { itemId: string }) => i.itemId)).toEqual([s.itemIds[1]]);
    expect((await preview(s, "definition=sentiment")).body.count).toBe(0);
  });

  it("is for leads", async () => {
    const s = await labeled();
    expect((await preview(s, "definition=sentiment", s.annotators[0].token)).status).toBe(403);
    expect((await preview(s, "definition=sentiment", s.engineer.token)).status).toBe(403);
    expect((await preview(s, "definition=sentiment", s.outsider.token)).status).toBe(404);
    const body = { definition: "sentiment", expectedCount: 2 };
    expect((await accept(s, body, s.annotators[0].token)).status).toBe(403);
    expect((await accept(s, body, s.outsider.token)).status).toBe(404);
    expect(await adjudicationCount(s)).toBe(0);
  });
});
