import { afterAll, describe, expect, it } from "vitest";
import { GET as itemRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/route";
import { POST as decisionsRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/decisions/route";
import { disconnectDb, getPool } from "@/lib/db";
import { annotate, createCurationProject, SENTIMENT } from "@/lib/testing/eval-set-fixtures";
import { callRoute } from "@/lib/testing/call-route";

afterAll(async () => {
  await disconnectDb();
});

const TOXICITY = { key: "toxicity", kind: "spans", options: [{ key: "insult" }, { key: "threat" }] };
// The items' text is "Item number N": "Item" is 0–4, "number" 5–11.
const ITEM = { start: 0, end: 4, label: "insult" };
const NUMBER = { start: 5, end: 11, label: "threat" };

type TSetup = Awaited<ReturnType<typeof createCurationProject>>;

/**
 * item 0: sentiment pos pos neg, toxicity [Item, number] [number, Item] [] (spans in another order);
 * item 1: sentiment pos neg neu, toxicity [Item] [number] [].
 */
async function labeled(): Promise<TSetup> {
  const s = await createCurationProject({ items: 2, definitions: [SENTIMENT, TOXICITY] });
  const votes = [
    [
      { sentiment: "pos", toxicity: [ITEM, NUMBER] },
      { sentiment: "pos", toxicity: [NUMBER, ITEM] },
      { sentiment: "neg", toxicity: [] },
    ],
    [
      { sentiment: "pos", toxicity: [ITEM] },
      { sentiment: "neg", toxicity: [NUMBER] },
      { sentiment: "neu", toxicity: [] },
    ],
  ];
  for (const [item, values] of votes.entries()) {
    for (const [i, value] of values.entries()) {
      await annotate(s.project.id, s.itemIds[item], s.annotators[i].id, value);
    }
  }
  return s;
}

const save = (s: TSetup, itemId: string, json: unknown, token = s.lead.token) =>
  callRoute(decisionsRoute, { token, params: { id: s.project.id, itemId }, json });
const readItem = (s: TSetup, itemId: string, token = s.lead.token) =>
  callRoute(itemRoute, { token, params: { id: s.project.id, itemId } });
const savedCount = async (itemId: string) =>
  (await getPool().query("SELECT count(*)::int AS n FROM adjudications WHERE item_id = $1", [itemId])).rows[0]
    .n as number;

describe("saving every decision on an item at once", () => {
  it("offers the majority per definition, counted by hand, and none on a tie", async () => {
    const s = await labeled();
    const first = await readItem(s, s.itemIds[0]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const [sentiment, toxicity] = first.body.definitions;
    expect(sentiment.majority).toEqual({ value: "pos", count: 2, total: 3 });
    // The two span answers are the same spans in another order: one answer, given twice.
    expect(toxicity.majority).toEqual({ value: [ITEM, NUMBER], count: 2, total: 3 });
    const second = await readItem(s, s.itemIds[1]);
    expect(second.body.definitions.map((d: { majority: unknown }) => d.majority)).toEqual([null, null]);
  });

  it("saves all definitions in one request, each as a decision in the history", async () => {
    const s = await labeled();
    const res = await save(s, s.itemIds[1], {
      decisions: {
        toxicity: { value: [NUMBER, ITEM], note: "both", isGold: true },
        sentiment: { value: "neu" },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.adjudications).toMatchObject([
      { definition: "sentiment", value: "neu", note: "", isGold: false, decidedBy: { id: s.lead.id } },
      { definition: "toxicity", value: [ITEM, NUMBER], note: "both", isGold: true },
    ]);
    const item = await readItem(s, s.itemIds[1]);
    expect(item.body.definitions.map((d: { finalLabel: unknown }) => d.finalLabel)).toMatchObject([
      { isResolved: true, source: "adjudication", value: "neu" },
      { isResolved: true, source: "adjudication", value: [ITEM, NUMBER], isGold: true },
    ]);
    const audit = await getPool().query(
      "SELECT count(*)::int AS n FROM audit_events WHERE project_id = $1 AND action = 'adjudication.recorded'",
      [s.project.id],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it("refuses them all when one value does not fit, naming the definition and the field", async () => {
    const s = await labeled();
    const itemId = s.itemIds[1];
    const outside = await save(s, itemId, {
      decisions: {
        sentiment: { value: "neu" },
        toxicity: { value: [{ start: 5, end: 99, label: "insult" }] },
      },
    });
    expect(outside.status).toBe(422);
    expect(outside.headers.get("content-type")).toContain("application/problem+json");
    expect(outside.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "decisions.toxicity.value.0.end",
    ]);
    const badOption = await save(s, itemId, {
      decisions: { sentiment: { value: "maybe" }, toxicity: { value: [] } },
    });
    expect(badOption.status).toBe(422);
    expect(badOption.body.errors.map((e: { path: string }) => e.path)).toEqual(["decisions.sentiment.value"]);
    const unknown = await save(s, itemId, {
      decisions: { sentiment: { value: "neu" }, nope: { value: "x" } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: "decisions.nope", message: 'unknown definition "nope"' }]);
    const extra = await save(s, itemId, { decisions: { sentiment: { value: "neu", colour: "red" } } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].path).toBe("decisions.sentiment.colour");
    expect((await save(s, itemId, { decisions: {} })).status).toBe(400);
    expect((await save(s, itemId, {})).status).toBe(400);
    expect(await savedCount(itemId)).toBe(0);
    expect((await readItem(s, itemId)).body.definitions[0].finalLabel.isResolved).toBe(false);
  });

  it("rolls back the decisions already written when a later one fails in the database", async () => {
    const s = await labeled();
    const pool = getPool();
    const { rows } = await pool.query<{ id: string }>(
      "SELECT id FROM label_definitions WHERE project_id = $1 AND key = 'toxicity'",
      [s.project.id],
    );
    // Only this test's definition trips it, so tests running beside it are not touched.
    const name = `refuse_${rows[0].id.replaceAll("-", "")}`;
    await pool.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.definition_id = '${rows[0].id}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await pool.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON adjudications FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    try {
      const res = await save(s, s.itemIds[1], {
        decisions: { sentiment: { value: "neu" }, toxicity: { value: [] } },
      });
      expect(res.status).toBe(500);
      expect(await savedCount(s.itemIds[1])).toBe(0);
    } finally {
      await pool.query(`DROP TRIGGER ${name} ON adjudications`);
      await pool.query(`DROP FUNCTION ${name}()`);
    }
  });

  it("is for leads: annotators and engineers are refused, outsiders and other projects' items see nothing", async () => {
    const s = await labeled();
    const body = { decisions: { sentiment: { value: "pos" } } };
    expect((await save(s, s.itemIds[1], body, s.annotators[0].token)).status).toBe(403);
    expect((await save(s, s.itemIds[1], body, s.engineer.token)).status).toBe(403);
    expect((await save(s, s.itemIds[1], body, s.outsider.token)).status).toBe(404);
    // Annotators never see the others' labels.
    expect((await readItem(s, s.itemIds[1], s.annotators[0].token)).status).toBe(403);
    const other = await labeled();
    expect((await save(s, other.itemIds[1], body)).status).toBe(404);
    expect(await savedCount(s.itemIds[1])).toBe(0);
    expect(await savedCount(other.itemIds[1])).toBe(0);
  });
});
