import { afterAll, describe, expect, it } from "vitest";
import { GET as getAssignmentRoute } from "@/app/api/v1/assignments/[id]/route";
import { PUT as reviseRoute } from "@/app/api/v1/assignments/[id]/annotations/route";
import { POST as skipRoute } from "@/app/api/v1/assignments/[id]/skip/route";
import { PUT as updateDefinition } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { GET as progressRoute } from "@/app/api/v1/projects/[id]/my/progress/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const next = claimAs;
const submit = submitAs;
const skip = (token: string, id: string) => callRoute(skipRoute, { method: "POST", token, params: { id } });

async function counters(projectId: string) {
  const { rows } = await getPool().query<{
    id: string;
    done: number;
    leases: number;
    submitted: number;
    live: number;
  }>(
    `SELECT i.id, i.done_count AS done, i.lease_count AS leases,
            (SELECT count(*)::int FROM assignments a WHERE a.item_id = i.id AND a.status = 'submitted') AS submitted,
            (SELECT count(*)::int FROM assignments a WHERE a.item_id = i.id AND a.status = 'leased') AS live
       FROM items i WHERE i.project_id = $1 ORDER BY i.id`,
    [projectId],
  );
  return rows;
}

describe("the queue", () => {
  it("20 concurrent annotators finish 100 items with overlap 3: exactly 300 annotations, 3 per item, no pair twice", async () => {
    const { annotators, project, params } = await createLabelingProject({
      items: 100,
      overlap: 3,
      annotators: 20,
    });
    const labels = ["pos", "neg", "neu"];
    await Promise.all(
      annotators.map(async (annotator, n) => {
        for (;;) {
          const served = await next(annotator.token, params);
          if (served.status === 204) return;
          expect(served.status).toBe(200);
          const res = await submit(annotator.token, served.body.assignmentId, { sentiment: labels[n % 3] });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
        }
      }),
    );
    const pool = getPool();
    const total = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM annotations WHERE project_id = $1",
      [project.id],
    );
    expect(total.rows[0].n).toBe(300);
    const perItem = await pool.query<{ n: number; items: number }>(
      `SELECT n, count(*)::int AS items FROM (SELECT item_id, count(DISTINCT user_id)::int AS n FROM annotations
         WHERE project_id = $1 GROUP BY item_id) t GROUP BY n`,
      [project.id],
    );
    expect(perItem.rows).toEqual([{ n: 3, items: 100 }]);
    const pairs = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT item_id, user_id FROM annotations WHERE project_id = $1
         GROUP BY item_id, user_id HAVING count(*) > 1) t`,
      [project.id],
    );
    expect(pairs.rows[0].n).toBe(0);
    for (const row of await counters(project.id)) {
      expect(row).toMatchObject({ done: 3, leases: 0, submitted: 3, live: 0 });
    }
  });

  it("gives a reload the same lease, and answers 204 when nothing is left", async () => {
    const { annotators, params } = await createLabelingProject({ items: 2, overlap: 1, annotators: 1 });
    const [a] = annotators;
    const first = await next(a.token, params);
    const again = await next(a.token, params);
    expect(again.body.assignmentId).toBe(first.body.assignmentId);
    expect(first.body.definitions[0]).toMatchObject({ key: "sentiment", version: 1, kind: "single_choice" });
    await submit(a.token, first.body.assignmentId, { sentiment: "pos" });
    const second = await next(a.token, params);
    expect(second.body.item.id).not.toBe(first.body.item.id);
    await submit(a.token, second.body.assignmentId, { sentiment: "neg" });
    expect((await next(a.token, params)).status).toBe(204);
  });

  it("serves started items first, then by priority, then in import order", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 4,
      overlap: 2,
      annotators: 2,
    });
    await getPool().query("UPDATE items SET priority = 5 WHERE project_id = $1 AND external_id = 'item-2'", [
      project.id,
    ]);
    const [a, b] = annotators;
    const firstA = await next(a.token, params);
    expect(firstA.body.item.externalId).toBe("item-2");
    await submit(a.token, firstA.body.assignmentId, { sentiment: "pos" });
    const secondA = await next(a.token, params);
    expect(secondA.body.item.externalId).toBe("item-0");
    // b is offered the started items first: item-2 (done by a), then item-0 (leased by a), before item-1.
    const firstB = await next(b.token, params);
    expect(firstB.body.item.externalId).toBe("item-2");
    await submit(b.token, firstB.body.assignmentId, { sentiment: "pos" });
    expect((await next(b.token, params)).body.item.externalId).toBe("item-0");
  });

  it("never serves a skipped item to that annotator again, but does to others", async () => {
    const { annotators, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 2 });
    const [a, b] = annotators;
    const served = await next(a.token, params);
    expect((await skip(a.token, served.body.assignmentId)).status).toBe(200);
    expect((await next(a.token, params)).status).toBe(204);
    const forB = await next(b.token, params);
    expect(forB.body.item.id).toBe(served.body.item.id);
    expect((await submit(a.token, served.body.assignmentId, { sentiment: "pos" })).status).toBe(409);
  });

  it("frees an expired lease's slot for others; the late submit then gets 409 and stores nothing", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 2,
    });
    const [a, b] = annotators;
    const servedA = await next(a.token, params);
    expect((await next(b.token, params)).status).toBe(204);
    await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      servedA.body.assignmentId,
    ]);
    const servedB = await next(b.token, params);
    expect(servedB.status).toBe(200);
    expect(servedB.body.item.id).toBe(servedA.body.item.id);
    await submit(b.token, servedB.body.assignmentId, { sentiment: "neg" });
    const late = await submit(a.token, servedA.body.assignmentId, { sentiment: "pos" });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/expired/);
    const { rows } = await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM annotations WHERE project_id = $1",
      [project.id],
    );
    expect(rows[0].n).toBe(1);
    expect(await counters(project.id)).toEqual([
      expect.objectContaining({ done: 1, leases: 0, submitted: 1, live: 0 }),
    ]);
  });

  it("accepts a submit on an expired lease while its slot is still free", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const served = await next(annotators[0].token, params);
    await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      served.body.assignmentId,
    ]);
    expect((await submit(annotators[0].token, served.body.assignmentId, { sentiment: "pos" })).status).toBe(
      201,
    );
    expect(await counters(project.id)).toEqual([expect.objectContaining({ done: 1, leases: 0 })]);
  });

  it("makes a repeated submit return the same annotation and create nothing", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const served = await next(annotators[0].token, params);
    const [one, two] = await Promise.all([
      submit(annotators[0].token, served.body.assignmentId, { sentiment: "pos" }),
      submit(annotators[0].token, served.body.assignmentId, { sentiment: "pos" }),
    ]);
    expect(one.status).toBe(201);
    expect(two.body.annotationId).toBe(one.body.annotationId);
    const { rows } = await getPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM annotations WHERE project_id = $1",
      [project.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("refuses a second submit with other values (409, pointing to the revision) and keeps the first", async () => {
    const { annotators, params, project } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const token = annotators[0].token;
    const id = (await next(token, params)).body.assignmentId;
    const first = await submit(token, id, { sentiment: "pos" });
    expect(first.status).toBe(201);
    const other = await submit(token, id, { sentiment: "neg" });
    expect(other.status).toBe(409);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(other.body.detail).toMatch(/other values.*revise/);
    const stored = () =>
      getPool()
        .query<{ value: unknown; current: boolean }>(
          "SELECT value, is_current AS current FROM annotations WHERE project_id = $1 ORDER BY id",
          [project.id],
        )
        .then((r) => r.rows);
    expect(await stored()).toEqual([{ value: "pos", current: true }]);
    // After a revision, repeating what is now stored is the idempotent repeat; the old value is not.
    const revised = await callRoute(reviseRoute, {
      method: "PUT",
      token,
      params: { id },
      json: { values: { sentiment: "neg" } },
    });
    expect(revised.status).toBe(200);
    const repeat = await submit(token, id, { sentiment: "neg" });
    expect(repeat.status).toBe(201);
    expect(repeat.body.annotationId).toBe(first.body.annotationId);
    expect((await submit(token, id, { sentiment: "pos" })).status).toBe(409);
    expect(await stored()).toEqual([
      { value: "pos", current: false },
      { value: "neg", current: true },
    ]);
  });

  it("checks values against the version served, even after the definition changed", async () => {
    const { lead, annotators, params, project } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
    });
    const a = annotators[0];
    const served = await next(a.token, params);
    const bad = await submit(a.token, served.body.assignmentId, { sentiment: "maybe" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe("values.sentiment");
    const missing = await submit(a.token, served.body.assignmentId, {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toBe("values.sentiment");
    const v2 = await callRoute(updateDefinition, {
      method: "PUT",
      token: lead.token,
      params: { ...params, key: "sentiment" },
      json: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
    });
    expect(v2.body.version).toBe(2);
    // "neu" is gone from v2, but this item was served under v1: it stays valid, recorded as v1.
    expect((await submit(a.token, served.body.assignmentId, { sentiment: "neu" })).status).toBe(201);
    const { rows } = await getPool().query<{ definition_version: number }>(
      "SELECT definition_version FROM annotations WHERE project_id = $1",
      [project.id],
    );
    expect(rows).toEqual([{ definition_version: 1 }]);
    const nextServed = await next(a.token, params);
    expect(nextServed.body.definitions[0].version).toBe(2);
    expect((await submit(a.token, nextServed.body.assignmentId, { sentiment: "neu" })).status).toBe(422);
  });

  it("keeps every change of an annotation as history", async () => {
    const { annotators, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const a = annotators[0];
    const served = await next(a.token, params);
    await submit(a.token, served.body.assignmentId, { sentiment: "pos" });
    const revise = (sentiment: string) =>
      callRoute(reviseRoute, {
        method: "PUT",
        token: a.token,
        params: { id: served.body.assignmentId },
        json: { values: { sentiment } },
      });
    expect((await revise("neg")).body.revision).toBe(2);
    expect((await revise("neu")).body.revision).toBe(3);
    const detail = await callRoute(getAssignmentRoute, {
      token: a.token,
      params: { id: served.body.assignmentId },
    });
    expect(detail.body.values).toEqual({ sentiment: "neu" });
    const { rows } = await getPool().query<{ value: string; is_current: boolean }>(
      "SELECT value, is_current FROM annotations WHERE assignment_id = $1 ORDER BY revision",
      [served.body.assignmentId],
    );
    expect(rows).toEqual([
      { value: "pos", is_current: false },
      { value: "neg", is_current: false },
      { value: "neu", is_current: true },
    ]);
    await expect(
      getPool().query("UPDATE annotations SET value = '\"x\"' WHERE assignment_id = $1", [
        served.body.assignmentId,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it("shows annotators only their own assignments and counts their progress", async () => {
    const { annotators, params } = await createLabelingProject({ items: 3, overlap: 2, annotators: 2 });
    const [a, b] = annotators;
    const served = await next(a.token, params);
    await submit(a.token, served.body.assignmentId, { sentiment: "pos" }, "?next=1");
    expect(
      (await callRoute(getAssignmentRoute, { token: b.token, params: { id: served.body.assignmentId } }))
        .status,
    ).toBe(404);
    expect((await submit(b.token, served.body.assignmentId, { sentiment: "pos" })).status).toBe(404);
    const progress = await callRoute(progressRoute, { token: a.token, params });
    expect(progress.body).toEqual({ doneToday: 1, doneTotal: 1, remaining: 3 });
    const outsider = await createTestUser();
    expect((await next(outsider.token, params)).status).toBe(404);
  });

  it("submits and serves the next item in one call", async () => {
    const { annotators, params } = await createLabelingProject({ items: 2, overlap: 1, annotators: 1 });
    const a = annotators[0];
    const first = await next(a.token, params);
    const res = await submit(a.token, first.body.assignmentId, { sentiment: "pos" }, "?next=1");
    expect(res.status).toBe(201);
    expect(res.body.next.item.externalId).toBe("item-1");
    const last = await submit(a.token, res.body.next.assignmentId, { sentiment: "pos" }, "?next=1");
    expect(last.body.next).toBeNull();
  });
});

describe("access on the queue's hot path", () => {
  it("refuses the claim to engineers (403) and to non-members (404)", async () => {
    const { project, params } = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const engineer = await createTestUser();
    const outsider = await createTestUser();
    await getPool().query("INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, 'engineer')", [
      project.id,
      engineer.id,
    ]);
    expect((await next(engineer.token, params)).status).toBe(403);
    expect((await next(outsider.token, params)).status).toBe(404);
    expect((await next(outsider.token, { id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });

  it("refuses the submit of an annotator removed after the claim (404), and stores nothing", async () => {
    const { annotators, project, params } = await createLabelingProject({
      items: 1,
      overlap: 1,
      annotators: 1,
    });
    const a = annotators[0];
    const served = await next(a.token, params);
    expect(served.status).toBe(200);
    await getPool().query("DELETE FROM memberships WHERE project_id = $1 AND user_id = $2", [
      project.id,
      a.id,
    ]);
    const res = await submit(a.token, served.body.assignmentId, { sentiment: "pos" });
    expect(res.status).toBe(404);
    const stored = await getPool().query("SELECT count(*)::int AS n FROM annotations WHERE project_id = $1", [
      project.id,
    ]);
    expect(stored.rows[0].n).toBe(0);
  });

  it("refuses another annotator's assignment (404) even right after it was served", async () => {
    const { annotators, params } = await createLabelingProject({ items: 1, overlap: 2, annotators: 2 });
    const served = await next(annotators[0].token, params);
    const res = await submit(annotators[1].token, served.body.assignmentId, { sentiment: "pos" });
    expect(res.status).toBe(404);
    expect((await submit(annotators[0].token, served.body.assignmentId, { sentiment: "pos" })).status).toBe(
      201,
    );
  });

  it("checks values against a spans definition with the item's own text", async () => {
    const { annotators, params } = await createLabelingProject({
      items: 2,
      overlap: 1,
      annotators: 1,
      definitions: [{ key: "ents", kind: "spans", textField: "text", options: [{ key: "PER" }] }],
      data: (i) => ({ text: i === 0 ? "Ada" : "Grace Hopper" }),
    });
    const a = annotators[0];
    const first = await next(a.token, params);
    const tooLong = await submit(a.token, first.body.assignmentId, {
      ents: [{ start: 0, end: 5, label: "PER" }],
    });
    expect(tooLong.status).toBe(422);
    expect(
      (await submit(a.token, first.body.assignmentId, { ents: [{ start: 0, end: 3, label: "PER" }] })).status,
    ).toBe(201);
    const second = await next(a.token, params);
    expect(
      (await submit(a.token, second.body.assignmentId, { ents: [{ start: 0, end: 5, label: "PER" }] }))
        .status,
    ).toBe(201);
  });
});

describe("the lease sweep", () => {
  it("frees expired leases across projects and leaves live ones", async () => {
    const { reclaimExpiredLeases } = await import("./reclaim-expired-leases");
    const one = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const two = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const a = await next(one.annotators[0].token, one.params);
    const b = await next(two.annotators[0].token, two.params);
    await getPool().query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      a.body.assignmentId,
    ]);
    await reclaimExpiredLeases(getPool(), null, 500);
    const { rows } = await getPool().query<{ id: string; status: string }>(
      "SELECT id::text, status FROM assignments WHERE id = ANY($1::bigint[]) ORDER BY id",
      [[a.body.assignmentId, b.body.assignmentId]],
    );
    expect(rows).toEqual([
      { id: a.body.assignmentId, status: "expired" },
      { id: b.body.assignmentId, status: "leased" },
    ]);
    expect(await counters(one.project.id)).toEqual([expect.objectContaining({ leases: 0, live: 0 })]);
    expect(await counters(two.project.id)).toEqual([expect.objectContaining({ leases: 1, live: 1 })]);
  });
});
