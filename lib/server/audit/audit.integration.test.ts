import { afterAll, describe, expect, it } from "vitest";
import { GET as instanceAuditRoute } from "@/app/api/v1/audit/route";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/me/tokens/[id]/route";
import { POST as createTokenRoute } from "@/app/api/v1/me/tokens/route";
import { GET as auditRoute } from "@/app/api/v1/projects/[id]/audit/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { POST as adjudicateRoute } from "@/app/api/v1/projects/[id]/final-labels/items/[itemId]/adjudications/route";
import { PUT as updateDefinitionRoute } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { POST as addMemberRoute } from "@/app/api/v1/projects/[id]/members/route";
import { POST as resetPasswordRoute } from "@/app/api/v1/users/[id]/password/route";
import { POST as createUserRoute } from "@/app/api/v1/users/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { SENTIMENT, annotate, createCurationProject } from "@/lib/testing/eval-set-fixtures";
import { createTestUser, uniqueName } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

type TEvent = {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  target: { type: string; id: string };
  details: Record<string, unknown>;
};

async function audit(token: string, projectId: string, query = "") {
  const res = await callRoute(auditRoute, { token, params: { id: projectId }, path: `/x${query}` });
  return res as {
    status: number;
    body: { events: TEvent[]; nextCursor: string | null; errors: { path: string }[] };
  };
}

describe("the audit trail", () => {
  it("records each step of a project in its transaction, newest first, keyset-paged, leads and admins only", async () => {
    const s = await createCurationProject({ items: 3 });
    const newcomer = await createTestUser();
    const params = s.params;
    // member added, then their role changed; the same role again records nothing
    for (const role of ["annotator", "engineer", "engineer"]) {
      const res = await callRoute(addMemberRoute, {
        token: s.lead.token,
        params,
        json: { email: newcomer.email, role },
      });
      expect(res.status).toBe(201);
    }
    const v2 = await callRoute(updateDefinitionRoute, {
      method: "PUT",
      token: s.lead.token,
      params: { ...params, key: "sentiment" },
      json: { ...SENTIMENT, guidelines: "Sarcasm counts as neg." },
    });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    for (const [i, a] of s.annotators.entries())
      await annotate(s.project.id, s.itemIds[0], a.id, { sentiment: i ? "pos" : "neg" });
    const adjudicated = await callRoute(adjudicateRoute, {
      token: s.lead.token,
      params: { ...params, itemId: s.itemIds[0] },
      json: { definition: "sentiment", value: "pos", note: "sarcasm" },
    });
    expect(adjudicated.status, JSON.stringify(adjudicated.body)).toBe(201);
    const set = await callRoute(createSetRoute, {
      token: s.lead.token,
      params,
      json: { name: uniqueName("set"), filter: {} },
    });
    expect(set.status).toBe(201);
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: s.lead.token,
      params: { id: set.body.id },
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

    const page = await audit(s.lead.token, s.project.id, "?limit=200");
    expect(page.status).toBe(200);
    const actions = page.body.events.map((e) => e.action);
    expect(actions).toEqual([
      "eval_set.frozen",
      "eval_set.created",
      "adjudication.recorded",
      "definition.version_created",
      "member.role_changed",
      "member.added",
      "items.imported",
      "definition.created",
    ]);
    const byAction = Object.fromEntries(page.body.events.map((e) => [e.action, e]));
    expect(byAction["member.role_changed"]).toMatchObject({
      actor: { id: s.lead.id, name: s.lead.name },
      target: { type: "user", id: newcomer.id },
      details: { role: "engineer", previousRole: "annotator" },
    });
    expect(byAction["definition.version_created"]).toMatchObject({
      target: { id: "sentiment" },
      details: { version: 2 },
    });
    expect(byAction["adjudication.recorded"]).toMatchObject({
      target: { type: "item", id: s.itemIds[0] },
      details: { adjudicationId: adjudicated.body.id },
    });
    expect(byAction["eval_set.frozen"]).toMatchObject({
      details: { version: 1, sha256: frozen.body.sha256 },
    });

    // keyset paging: pages of 3 walk the same list with no overlap and no gap
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await audit(s.lead.token, s.project.id, `?limit=3${cursor ? `&after=${cursor}` : ""}`);
      walked.push(...p.body.events.map((e) => e.action));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(actions);
    // filters
    const adjudications = await audit(s.lead.token, s.project.id, "?action=adjudication.recorded");
    expect(adjudications.body.events.map((e) => e.action)).toEqual(["adjudication.recorded"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(s.lead.token, s.project.id, `?from=${today}&to=${today}`)).body.events).toHaveLength(
      8,
    );
    expect((await audit(s.lead.token, s.project.id, "?to=2000-01-01")).body.events).toHaveLength(0);
    expect((await audit(s.lead.token, s.project.id, `?actor=${newcomer.id}`)).body.events).toHaveLength(0);
    const bad = await audit(s.lead.token, s.project.id, "?action=nope&from=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["action", "from"]);
    // who may read it
    expect((await audit(s.engineer.token, s.project.id)).status).toBe(403);
    expect((await audit(s.annotators[0].token, s.project.id)).status).toBe(403);
    expect((await audit(s.outsider.token, s.project.id)).status).toBe(404);
    const admin = await createTestUser({ isAdmin: true });
    expect((await audit(admin.token, s.project.id)).body.events).toHaveLength(8);
  });

  it("a change that rolls back leaves no audit row: the freeze of an empty set", async () => {
    const s = await createCurationProject({ items: 2 });
    const set = await callRoute(createSetRoute, {
      token: s.lead.token,
      params: s.params,
      json: { name: uniqueName("set"), filter: {} },
    });
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: s.lead.token,
      params: { id: set.body.id },
    });
    expect(frozen.status).toBe(422);
    const page = await audit(s.lead.token, s.project.id);
    expect(page.body.events.map((e) => e.action)).not.toContain("eval_set.frozen");
  });

  it("tokens and users: instance-wide events for admins, with no secret in them", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    const created = await callRoute(createTokenRoute, { token: user.token, json: { name: "pipeline" } });
    expect(created.status).toBe(201);
    const revoked = await callRoute(revokeTokenRoute, {
      method: "DELETE",
      token: user.token,
      params: { id: created.body.id },
    });
    expect(revoked.status).toBe(204);
    const email = `${uniqueName("new")}@example.com`;
    const newUser = await callRoute(createUserRoute, {
      token: admin.token,
      json: { email, name: "New", password: "a-long-password-1" },
    });
    expect(newUser.status).toBe(201);
    const reset = await callRoute(resetPasswordRoute, {
      token: admin.token,
      params: { id: newUser.body.id },
      json: { password: "another-long-password-2" },
    });
    expect(reset.status).toBe(204);

    const res = await callRoute(instanceAuditRoute, { token: admin.token, path: "/x?limit=200" });
    expect(res.status).toBe(200);
    const mine = (res.body.events as TEvent[]).filter((e) =>
      [created.body.id, newUser.body.id].includes(e.target.id),
    );
    expect(mine.map((e) => [e.action, e.actor?.id])).toEqual([
      ["user.password_reset", admin.id],
      ["user.created", admin.id],
      ["token.revoked", user.id],
      ["token.created", user.id],
    ]);
    const text = JSON.stringify(mine);
    expect(text).toContain(created.body.prefix);
    expect(text).not.toContain(created.body.token);
    expect(text).not.toContain("a-long-password-1");
    expect(text).not.toContain("another-long-password-2");
    const { rows } = await getPool().query(
      "SELECT details::text AS d FROM audit_events WHERE target_id = $1",
      [newUser.body.id],
    );
    expect(rows.map((r) => r.d).join()).not.toMatch(/password|\$argon/i);
    expect((await callRoute(instanceAuditRoute, { token: user.token })).status).toBe(403);
  });

  it("the database refuses to change or delete an audit row, even from raw SQL", async () => {
    const pool = getPool();
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO audit_events (action, target_type, target_id) VALUES ('user.created', 'user', 'x') RETURNING id",
    );
    const id = rows[0].id;
    await expect(
      pool.query("UPDATE audit_events SET action = 'nothing' WHERE id = $1", [id]),
    ).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM audit_events WHERE id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(pool.query("TRUNCATE audit_events")).rejects.toThrow(/cannot be truncated/);
    const { rows: still } = await pool.query("SELECT action FROM audit_events WHERE id = $1", [id]);
    expect(still).toEqual([{ action: "user.created" }]);
  });
});
