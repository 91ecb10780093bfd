import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/projects/[id]/final-labels/route";
import { GET as goldRoute } from "@/app/api/v1/projects/[id]/final-labels/gold-accuracy/route";
import { GET as itemRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/route";
import { POST as adjudicateRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/adjudications/route";
import { GET as rulesRoute } from "@/app/api/v1/projects/[id]/final-labels/rules/route";
import { PUT as setRuleRoute } from "@/app/api/v1/projects/[id]/final-labels/rules/[key]/route";
import { disconnectDb, getPool } from "@/lib/db";
import { annotate, createCurationProject, reviseAnnotation } from "@/lib/testing/eval-set-fixtures";
import { callRoute } from "@/lib/testing/call-route";

afterAll(async () => {
  await disconnectDb();
});

type TSetup = Awaited<ReturnType<typeof createCurationProject>>;

/** item 0: pos pos neg; item 1: pos neg neu; item 2: pos neg (still being labeled); item 3: nothing. */
async function labeled(): Promise<TSetup> {
  const setup = await createCurationProject({ items: 4 });
  const {
    project,
    annotators: [a, b, c],
    itemIds,
  } = setup;
  const votes: [number, string[]][] = [
    [0, ["pos", "pos", "neg"]],
    [1, ["pos", "neg", "neu"]],
    [2, ["pos", "neg"]],
  ];
  for (const [item, values] of votes) {
    for (const [i, value] of values.entries()) {
      await annotate(project.id, itemIds[item], [a, b, c][i].id, { sentiment: value });
    }
  }
  return setup;
}

const list = (s: TSetup, query = "") =>
  callRoute(listRoute, { token: s.lead.token, params: s.params, path: `/x${query}` });
const adjudicate = (s: TSetup, itemId: string, json: unknown, token = s.lead.token) =>
  callRoute(adjudicateRoute, { token, params: { id: s.project.id, itemId }, json });

describe("final labels", () => {
  it("follow the majority rule by default, and the review queue holds what it leaves unresolved", async () => {
    const s = await labeled();
    const all = await list(s, "?state=all");
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const labels = all.body.items.map((i: { labels: { sentiment: unknown } }) => i.labels.sentiment);
    expect(labels[0]).toMatchObject({ isResolved: true, source: "rule", value: "pos", annotationCount: 3 });
    expect(labels[0].agreement).toBeCloseTo(1 / 3);
    expect(labels[1]).toMatchObject({ isResolved: false, value: null });
    expect(labels[3]).toMatchObject({ isResolved: false, annotationCount: 0 });

    const queue = await list(s);
    expect(queue.body.items.map((i: { itemId: string }) => i.itemId)).toEqual([s.itemIds[1]]);
    expect(queue.body.items[0].votes.sentiment).toHaveLength(3);
    const withIncomplete = await list(s, "?includeIncomplete=true");
    expect(withIncomplete.body.items.map((i: { itemId: string }) => i.itemId)).toEqual([
      s.itemIds[1],
      s.itemIds[2],
    ]);
    const page = await list(s, "?state=all&limit=2");
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toBe(s.itemIds[1]);
    expect((await list(s, "?state=bogus")).status).toBe(400);
    expect((await list(s, "?definition=nope")).status).toBe(422);
  });

  it("only count current annotations: a revision replaces the annotator's earlier value", async () => {
    const s = await labeled();
    await reviseAnnotation(s.itemIds[1], s.annotators[2].id, "sentiment", "pos");
    const item = await callRoute(itemRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: s.itemIds[1] },
    });
    expect(item.body.definitions[0].finalLabel).toMatchObject({ isResolved: true, value: "pos" });
    expect(item.body.definitions[0].annotations).toHaveLength(3);
  });

  it("let a lead decide an unresolved item, with a note; the decision is kept as history", async () => {
    const s = await labeled();
    const bad = await adjudicate(s, s.itemIds[1], { definition: "sentiment", value: "maybe" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("value");
    expect((await adjudicate(s, s.itemIds[1], { definition: "nope", value: "pos" })).status).toBe(422);
    expect((await adjudicate(s, s.itemIds[1], { definition: "sentiment", value: "pos", x: 1 })).status).toBe(
      400,
    );

    const first = await adjudicate(s, s.itemIds[1], {
      definition: "sentiment",
      value: "neu",
      note: "sarcasm",
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ value: "neu", note: "sarcasm", decidedBy: { id: s.lead.id } });
    await adjudicate(s, s.itemIds[1], { definition: "sentiment", value: "neg" });
    const item = await callRoute(itemRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: s.itemIds[1] },
    });
    const sentiment = item.body.definitions[0];
    expect(sentiment.finalLabel).toMatchObject({ isResolved: true, source: "adjudication", value: "neg" });
    expect(sentiment.history.map((h: { value: string }) => h.value)).toEqual(["neg", "neu"]);
    expect(sentiment.annotations.map((a: { annotator: { id: string } }) => a.annotator.id)).toEqual(
      s.annotators.map((a) => a.id),
    );
    expect((await list(s)).body.items).toEqual([]);

    const pool = getPool();
    await expect(
      pool.query("UPDATE adjudications SET value = '\"pos\"' WHERE item_id = $1", [s.itemIds[1]]),
    ).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM adjudications WHERE item_id = $1", [s.itemIds[1]])).rejects.toThrow(
      /append-only/,
    );
  });

  it("follow the rule the lead sets per definition", async () => {
    const s = await labeled();
    const setRule = (json: unknown) =>
      callRoute(setRuleRoute, {
        method: "PUT",
        token: s.lead.token,
        params: { ...s.params, key: "sentiment" },
        json,
      });
    expect((await setRule({ kind: "majority", minShare: 0.3 })).status).toBe(400);
    const unanimous = await setRule({ kind: "unanimous" });
    expect(unanimous.status, JSON.stringify(unanimous.body)).toBe(200);
    expect(unanimous.body).toMatchObject({ kind: "unanimous", isDefault: false });
    let all = await list(s, "?state=all");
    expect(all.body.items[0].labels.sentiment.isResolved).toBe(false);

    await setRule({ kind: "min_agreement", minAgreement: 0.3 });
    all = await list(s, "?state=all");
    expect(all.body.items[0].labels.sentiment).toMatchObject({ isResolved: true, value: "pos" });

    await setRule({ kind: "majority", minShare: 0.5, minAnnotations: 4 });
    all = await list(s, "?state=all");
    expect(all.body.items[0].labels.sentiment).toMatchObject({
      isResolved: false,
      reason: "3 of the 4 annotations the rule needs",
    });
    const rules = await callRoute(rulesRoute, { token: s.engineer.token, params: s.params });
    expect(rules.body.rules[0]).toMatchObject({ key: "sentiment", minAnnotations: 4 });
  });

  it("show leads each annotator's accuracy on gold items", async () => {
    const s = await labeled();
    await adjudicate(s, s.itemIds[0], { definition: "sentiment", value: "pos", isGold: true });
    await adjudicate(s, s.itemIds[1], { definition: "sentiment", value: "neu", isGold: true });
    const gold = await callRoute(goldRoute, { token: s.lead.token, params: s.params });
    expect(gold.status).toBe(200);
    const sentiment = gold.body.definitions[0];
    expect(sentiment.goldItems).toBe(2);
    const byUser = Object.fromEntries(
      sentiment.annotators.map((a: { userId: string; correct: number; answered: number }) => [
        a.userId,
        [a.correct, a.answered],
      ]),
    );
    const [a, b, c] = s.annotators;
    expect(byUser).toEqual({ [a.id]: [1, 2], [b.id]: [1, 2], [c.id]: [1, 2] });
    // Unmarking: a later decision without the gold mark.
    await adjudicate(s, s.itemIds[1], { definition: "sentiment", value: "neu" });
    const after = await callRoute(goldRoute, { token: s.lead.token, params: s.params });
    expect(after.body.definitions[0].goldItems).toBe(1);
  });

  it("are for leads: annotators and engineers may not adjudicate, outsiders see nothing", async () => {
    const s = await labeled();
    const engineer = await adjudicate(
      s,
      s.itemIds[1],
      { definition: "sentiment", value: "pos" },
      s.engineer.token,
    );
    expect(engineer.status).toBe(403);
    const annotator = await adjudicate(
      s,
      s.itemIds[1],
      { definition: "sentiment", value: "pos" },
      s.annotators[0].token,
    );
    expect(annotator.status).toBe(403);
    expect((await callRoute(listRoute, { token: s.engineer.token, params: s.params })).status).toBe(403);
    expect((await callRoute(goldRoute, { token: s.annotators[0].token, params: s.params })).status).toBe(403);
    expect((await callRoute(listRoute, { token: s.outsider.token, params: s.params })).status).toBe(404);
    const otherItem = await callRoute(itemRoute, {
      token: s.lead.token,
      params: { id: s.project.id, itemId: "999999999" },
    });
    expect(otherItem.status).toBe(404);
  });
});
