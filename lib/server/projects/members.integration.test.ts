import { afterAll, describe, expect, it } from "vitest";
import { POST as addMember, GET as listMembers } from "@/app/api/v1/projects/[id]/members/route";
import {
  DELETE as removeMember,
  PATCH as updateMember,
} from "@/app/api/v1/projects/[id]/members/[userId]/route";
import { db, disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

describe("members", () => {
  it("are searched and paged, with the total", async () => {
    const lead = await createTestUser();
    const tag = uniqueName("member");
    const annotators = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createTestUser({ name: `${tag}-${i}` })),
    );
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      ...annotators.map((a) => ({ userId: a.id, role: "annotator" as const })),
    ]);
    const page = (query: string) =>
      callRoute(listMembers, { token: lead.token, params: { id: project.id }, path: `/x?${query}` });
    const all = await page("");
    expect(all.body.total).toBe(6);
    const first = await page(`q=${tag}&limit=2`);
    const second = await page(`q=${tag}&limit=2&offset=2`);
    const third = await page(`q=${tag}&limit=2&offset=4`);
    expect(first.body.total).toBe(5);
    expect(
      [...first.body.members, ...second.body.members, ...third.body.members].map(
        (m: { email: string }) => m.email,
      ),
    ).toEqual(annotators.map((a) => a.email).sort());
    expect((await page("role=lead")).body.members.map((m: { userId: string }) => m.userId)).toEqual([
      lead.id,
    ]);
    const bad = await page("role=boss");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["role"]);
  });

  it("change role by PATCH or by adding them again, under one rule and one audit trail", async () => {
    const lead = await createTestUser();
    const annotator = await createTestUser();
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      { userId: annotator.id, role: "annotator" },
    ]);
    const add = (email: string, role: string) =>
      callRoute(addMember, { token: lead.token, params: { id: project.id }, json: { email, role } });
    const demoted = await add(lead.email, "annotator");
    expect(demoted.status).toBe(409);
    expect(demoted.body.errors.map((e: { path: string }) => e.path)).toEqual(["role"]);
    expect((await db.membership.findFirstOrThrow({ where: { userId: lead.id } })).role).toBe("lead");
    const patched = await callRoute(updateMember, {
      method: "PATCH",
      token: lead.token,
      params: { id: project.id, userId: annotator.id },
      json: { role: "engineer" },
    });
    expect(patched.status).toBe(200);
    expect((await add(annotator.email, "lead")).status).toBe(201);
    expect((await add(annotator.email, "lead")).status).toBe(201);
    const { rows } = await getPool().query(
      `SELECT action, actor_id, target_id, details FROM audit_events WHERE project_id = $1 ORDER BY id`,
      [project.id],
    );
    expect(rows).toEqual([
      {
        action: "member.role_changed",
        actor_id: lead.id,
        target_id: annotator.id,
        details: { email: annotator.email, role: "engineer", previousRole: "annotator" },
      },
      {
        action: "member.role_changed",
        actor_id: lead.id,
        target_id: annotator.id,
        details: { email: annotator.email, role: "lead", previousRole: "engineer" },
      },
    ]);
  });

  it("change role; the last lead stays a lead", async () => {
    const lead = await createTestUser();
    const annotator = await createTestUser();
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      { userId: annotator.id, role: "annotator" },
    ]);
    const patch = (userId: string, json: unknown, token = lead.token) =>
      callRoute(updateMember, { method: "PATCH", token, params: { id: project.id, userId }, json });
    const last = await patch(lead.id, { role: "annotator" });
    expect(last.status).toBe(409);
    expect((await patch(annotator.id, { role: "lead" }, annotator.token)).status).toBe(403);
    const promoted = await patch(annotator.id, { role: "lead" });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ userId: annotator.id, role: "lead" });
    expect((await patch(lead.id, { role: "engineer" })).status).toBe(200);
    const bad = await patch(annotator.id, { role: "boss" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["role"]);
    const outsider = await createTestUser();
    expect((await patch(outsider.id, { role: "lead" }, annotator.token)).status).toBe(404);
    const roles = await db.membership.findMany({
      where: { projectId: project.id },
      orderBy: { role: "asc" },
    });
    expect(roles.map((m) => [m.userId, m.role])).toEqual([
      [annotator.id, "lead"],
      [lead.id, "engineer"],
    ]);
  });

  it("are removed with their labels kept and their leases ended", async () => {
    const { lead, annotators, project, params } = await createLabelingProject({
      items: 3,
      overlap: 1,
      annotators: 1,
    });
    const [annotator] = annotators;
    const first = await claimAs(annotator.token, params);
    await submitAs(annotator.token, first.body.assignmentId, { sentiment: "pos" });
    const leased = await claimAs(annotator.token, params);
    expect(leased.status).toBe(200);
    const res = await callRoute(removeMember, {
      method: "DELETE",
      token: lead.token,
      params: { id: project.id, userId: annotator.id },
    });
    expect(res.status).toBe(204);
    expect(await db.annotation.count({ where: { projectId: project.id, userId: annotator.id } })).toBe(1);
    const item = await db.item.findUniqueOrThrow({ where: { id: BigInt(leased.body.item.id) } });
    expect(item.leaseCount).toBe(0);
    expect((await claimAs(annotator.token, params)).status).toBe(404);
    // The slot the lease held is served to someone else.
    const other = await createTestUser();
    await db.membership.create({ data: { projectId: project.id, userId: other.id, role: "annotator" } });
    const served = [await claimAs(other.token, params)];
    expect(served[0].status).toBe(200);
    expect(
      (
        await callRoute(removeMember, {
          method: "DELETE",
          token: lead.token,
          params: { id: project.id, userId: lead.id },
        })
      ).status,
    ).toBe(409);
  });
});
