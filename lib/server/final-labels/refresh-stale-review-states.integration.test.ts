// The background refresher and the readers' bounded refresh (docs/decisions/036-stored-final-labels.md):
// they store at most what they are allowed, per project, and what they store is what the rule's code
// says for the item now (each stored label checked against computeFinalLabel over the item's
// annotations, read on its own).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { computeFinalLabel } from "@/lib/final-labels/final-label";
import { loadLabelContext } from "@/lib/server/final-labels/load-label-context";
import { refreshStaleProjects, refreshStaleReviewStates } from "./refresh-stale-review-states";
import type { TStoredLabels } from "./stored-labels";
import { annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";

type TProject = Awaited<ReturnType<typeof createCurationProject>>;
let first: TProject;
let second: TProject;

async function labeled(items: number): Promise<TProject> {
  const s = await createCurationProject({ items, annotators: 3, overlap: 3 });
  for (let i = 0; i < items; i++) {
    for (let a = 0; a < 1 + (i % 3); a++) {
      await annotate(s.project.id, s.itemIds[i], s.annotators[a].id, {
        sentiment: ["pos", "neg", "neu"][(i + a) % 3],
      });
    }
  }
  return s;
}

beforeAll(async () => {
  [first, second] = [await labeled(9), await labeled(6)];
}, 60_000);

afterAll(async () => {
  await disconnectDb();
});

async function stale(s: TProject): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM review_states WHERE project_id = $1 AND is_stale",
    [s.project.id],
  );
  return rows[0].n;
}

/** Every fresh row's stored labels against the rule over the item's current annotations. */
async function expectStoredLabelsRight(s: TProject) {
  const pool = getPool();
  const [definition] = await loadLabelContext(pool, s.project.id);
  const { rows } = await pool.query<{ item_id: string; labels: TStoredLabels }>(
    "SELECT item_id::text, labels FROM review_states WHERE project_id = $1 AND NOT is_stale",
    [s.project.id],
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const { rows: values } = await pool.query<{ value: unknown }>(
      "SELECT value FROM annotations WHERE item_id = $1 AND is_current ORDER BY created_at, id",
      [row.item_id],
    );
    const expected = computeFinalLabel(
      definition.spec,
      definition.rule,
      values.map((v) => ({ userId: "", version: 1, value: v.value })),
      null,
    );
    expect(row.labels[definition.id].l, `item ${row.item_id}`).toEqual(expected);
    expect(row.labels[definition.id].v).toEqual([1]);
  }
}

describe("refreshing stale review states", () => {
  it("stores at most the limit, by keyset, and the labels the rule gives", async () => {
    expect(await stale(first)).toBe(9);
    const all = await loadLabelContext(getPool(), first.project.id);
    expect(await refreshStaleReviewStates(getPool(), first.project.id, all, 4)).toBe(4);
    expect(await stale(first)).toBe(5);
    expect(await refreshStaleReviewStates(getPool(), first.project.id, all)).toBe(5);
    expect(await stale(first)).toBe(0);
    await expectStoredLabelsRight(first);
  });

  it("in the background, takes up to its share of every project each pass", async () => {
    await annotate(first.project.id, first.itemIds[0], first.annotators[2].id, { sentiment: "neu" });
    expect(await stale(first)).toBe(1);
    expect(await stale(second)).toBe(6);
    // Only these two: other test files' projects share the database, and some count stale rows.
    const only = [first.project.id, second.project.id];
    expect(await refreshStaleProjects(getPool(), 4, only)).toBe(5);
    expect([await stale(first), await stale(second)]).toEqual([0, 2]);
    expect(await refreshStaleProjects(getPool(), 4, only)).toBe(2);
    expect(await stale(second)).toBe(0);
    await expectStoredLabelsRight(first);
    await expectStoredLabelsRight(second);
  });
});
