import { afterAll, describe, expect, it } from "vitest";
import { GET as listAssignees, POST as assignItems } from "@/app/api/v1/projects/[id]/item-assignees/route";
import { DELETE as removeMember } from "@/app/api/v1/projects/[id]/members/[userId]/route";
import { POST as releaseItems } from "@/app/api/v1/projects/[id]/item-assignees/release/route";
import { db, disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

async function itemIds(projectId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ id: string }>(
    "SELECT id::text FROM items WHERE project_id = $1 ORDER BY id",
    [projectId],
  );
  return rows.map((r) => r.id);
}

/** Every annotator claims and submits until the queue has nothing for them, all at once. */
async function labelUntilDone(annotators: { token: string }[], params: { id: string }) {
  await Promise.all(
    annotators.map(async (annotator) => {
      for (;;) {
        const served = await claimAs(annotator.token, params);
        if (served.status === 204) return;
        expect(served.status).toBe(200);
        const res = await submitAs(annotator.token, served.body.assignmentId, { sentiment: "pos" });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }),
  );
}

describe("items reserved for named annotators", () => {
  it("are served to them only, while 8 annotators label at once; the rest as before", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 40,
      overlap: 3,
      annotators: 8,
    });
    const ids = await itemIds(project.id);
    const reserved = ids.slice(0, 15);
    const named = annotators.slice(0, 2);
    const res = await callRoute(assignItems, {
      token: lead.token,
      params,
      json: { annotators: named.map((a) => a.email), itemIds: reserved },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reservedItems).toBe(15);
    expect(res.body.annotators.map((a: { items: number }) => a.items)).toEqual([15, 15]);
    await labelUntilDone(annotators, params);
    const { rows } = await getPool().query<{ item_id: string; users: string[] }>(
      `SELECT item_id::text, array_agg(user_id::text ORDER BY user_id) AS users FROM annotations
        WHERE project_id = $1 GROUP BY item_id`,
      [project.id],
    );
    const byItem = new Map(rows.map((r) => [r.item_id, r.users]));
    const namedIds = named.map((a) => a.id).sort();
    for (const id of reserved) expect(byItem.get(id)).toEqual(namedIds);
    for (const id of ids.slice(15)) expect(byItem.get(id)?.length).toBe(3);
    // Releasing the reservation lets the others fill the third slot of those items.
    const released = await callRoute(releaseItems, {
      token: lead.token,
      params,
      json: { itemIds: reserved },
    });
    expect(released.body).toEqual({ reservedItems: 0, annotators: [] });
    await labelUntilDone(annotators.slice(2), params);
    const after = await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM annotations WHERE project_id = $1",
      [project.id],
    );
    expect(after.rows[0].n).toBe(40 * 3);
  });

  it("by batch, and a removed annotator's reservation goes with them", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 5,
      overlap: 1,
      annotators: 2,
    });
    const batch = await db.batch.findFirstOrThrow({ where: { projectId: project.id } });
    const [mine, other] = annotators;
    const res = await callRoute(assignItems, {
      token: lead.token,
      params,
      json: { annotators: [mine.email], batchId: batch.id },
    });
    expect(res.body.reservedItems).toBe(5);
    const idle = await claimAs(other.token, params);
    expect(idle.status).toBe(204);
    expect((await callRoute(listAssignees, { token: lead.token, params })).body.annotators).toEqual([
      { userId: mine.id, email: mine.email, name: mine.name, items: 5 },
    ]);
    const removed = await callRoute(removeMember, {
      method: "DELETE",
      token: lead.token,
      params: { id: project.id, userId: mine.id },
    });
    expect(removed.status).toBe(204);
    expect((await callRoute(listAssignees, { token: lead.token, params })).body).toEqual({
      reservedItems: 0,
      annotators: [],
    });
    expect((await claimAs(other.token, params)).status).toBe(200);
  });

  it("refuse bad input naming the field, and anyone but a lead", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
    });
    const outsider = await createTestUser();
    const cases: [unknown, number, string[]][] = [
      [{ annotators: [outsider.email], itemIds: ["1"] }, 422, ["annotators.0"]],
      [{ annotators: [annotators[0].email] }, 400, ["batchId"]],
      [{ annotators: [annotators[0].email], itemIds: ["1"] }, 422, ["itemIds"]],
      [{ annotators: [], itemIds: ["x"] }, 400, ["annotators", "itemIds.0"]],
      [{ annotators: [annotators[0].email], batchId: "nope" }, 400, ["batchId"]],
    ];
    for (const [json, status, paths] of cases) {
      const res = await callRoute(assignItems, { token: lead.token, params, json });
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect([...new Set(res.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual(paths);
    }
    const byAnnotator = await callRoute(assignItems, {
      token: annotators[0].token,
      params,
      json: { annotators: [annotators[0].email], itemIds: ["1"] },
    });
    expect(byAnnotator.status).toBe(403);
    expect(await db.itemAssignee.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db.item.count({ where: { projectId: project.id, reserved: true } })).toBe(0);
  });
});
