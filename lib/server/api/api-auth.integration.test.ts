import { afterAll, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/auth/token/route";
import { DELETE as revokeToken } from "@/app/api/v1/me/tokens/[id]/route";
import { GET as listMyTokens } from "@/app/api/v1/me/tokens/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/projects/[id]/members/route";
import { GET as getProject } from "@/app/api/v1/projects/[id]/route";
import { GET as listProjects, POST as createProjectRoute } from "@/app/api/v1/projects/route";
import { POST as createUserRoute } from "@/app/api/v1/users/route";
import { disconnectDb, db } from "@/lib/db";
import { markClientAdmitted } from "@/lib/server/auth/client-address";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD, createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

describe("authentication", () => {
  it("exchanges a password for a token that is stored only as a hash", async () => {
    const user = await createTestUser();
    const res = await callRoute(createToken, {
      json: { email: user.email, password: TEST_PASSWORD, name: "ci" },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^cnc_[\w-]{43}$/);
    const rows = await db.apiToken.findMany({ where: { userId: user.id, name: "ci" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(res.body.token);
    expect(JSON.stringify(rows[0])).not.toContain(res.body.token.slice(10));
    const me = await callRoute(listProjects, { token: res.body.token });
    expect(me.status).toBe(200);
  });

  it("answers 401 with problem+json for a missing, forged, malformed or revoked token", async () => {
    const user = await createTestUser();
    expect((await callRoute(listProjects)).status).toBe(401);
    const forged = await callRoute(listProjects, { token: "cnc_" + "A".repeat(43) });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-type")).toBe("application/problem+json");
    expect(forged.body).toMatchObject({ status: 401, title: "Unauthorized" });
    expect(forged.body.requestId).toBeTruthy();
    const malformed = await callRoute(listProjects, { headers: { authorization: "Token abc" } });
    expect(malformed.status).toBe(401);

    const tokens = await callRoute(listMyTokens, { token: user.token });
    const id = tokens.body.tokens[0].id as string;
    expect(
      (await callRoute(revokeToken, { method: "DELETE", token: user.token, params: { id } })).status,
    ).toBe(204);
    expect((await callRoute(listProjects, { token: user.token })).status).toBe(401);
  });

  it("cannot revoke someone else's token (404, as if it did not exist)", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const tokens = await callRoute(listMyTokens, { token: owner.token });
    const res = await callRoute(revokeToken, {
      method: "DELETE",
      token: other.token,
      params: { id: tokens.body.tokens[0].id },
    });
    expect(res.status).toBe(404);
    expect((await callRoute(listProjects, { token: owner.token })).status).toBe(200);
  });

  it("refuses a wrong password, then locks the account after 5 failures, even for the right password", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i++) {
      const res = await callRoute(createToken, {
        json: { email: user.email, password: "wrong-password", name: "x" },
      });
      expect(res.status).toBe(401);
      expect(res.body.detail).toBe("Wrong email or password.");
    }
    const locked = await callRoute(createToken, {
      json: { email: user.email, password: TEST_PASSWORD, name: "x" },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/Too many failed sign-in attempts/);
    expect(await db.apiToken.count({ where: { userId: user.id, name: "x" } })).toBe(0);
  });

  it("locks a client address that tries many accounts", async () => {
    // X-Forwarded-For is believed only as written by the client admission of lib/cli/serve/serve.ts.
    markClientAdmitted();
    const address = `10.${Math.floor(Math.random() * 250)}.0.9`;
    for (let i = 0; i < 30; i++) {
      await callRoute(createToken, {
        json: { email: `${uniqueName("nobody")}@example.com`, password: "guess-guess", name: "x" },
        headers: { "x-forwarded-for": address },
      });
    }
    const user = await createTestUser();
    const res = await callRoute(createToken, {
      json: { email: user.email, password: TEST_PASSWORD, name: "x" },
      headers: { "x-forwarded-for": address },
    });
    expect(res.status).toBe(429);
  });
});

describe("bad input changes nothing and names the field", () => {
  it("rejects malformed JSON with 400", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const res = await callRoute(createUserRoute, {
      token: admin.token,
      body: '{"email": "a@b.c", ',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe("The body is not valid JSON.");
  });

  it("rejects unknown fields, over-long strings and bad emails, naming each", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const email = `${uniqueName("x")}@example.com`;
    const res = await callRoute(createUserRoute, {
      token: admin.token,
      json: { email: "not-an-email", name: "n".repeat(201), password: "0123456789", isAdmin: true },
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["email", "isAdmin", "name"]);
    expect(res.body.errors.find((e: { path: string }) => e.path === "isAdmin").message).toBe(
      `unknown field "isAdmin"`,
    );
    const unknown = await callRoute(createUserRoute, {
      token: admin.token,
      json: { email, name: "ok", password: "0123456789", isAdmin: true },
    });
    expect(unknown.status).toBe(400);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("answers 413 for a body over the limit", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const res = await callRoute(createProjectRoute, {
      token: admin.token,
      json: { name: "big", description: "x".repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
  });

  it("answers 409 naming the field for a duplicate email", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const existing = await createTestUser();
    const res = await callRoute(createUserRoute, {
      token: admin.token,
      json: { email: existing.email, name: "Dup", password: "0123456789" },
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ path: "email", message: "already taken" }]);
  });
});

describe("rights", () => {
  it("only admins create users and projects", async () => {
    const user = await createTestUser();
    const name = uniqueName("p");
    expect((await callRoute(createProjectRoute, { token: user.token, json: { name } })).status).toBe(403);
    expect(await db.project.count({ where: { name } })).toBe(0);
    const admin = await createTestUser({ isAdmin: true });
    const created = await callRoute(createProjectRoute, { token: admin.token, json: { name, overlap: 2 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, overlap: 2, leaseSeconds: 900 });
  });

  it("hides a project from non-members (404) and members' lists from annotators (403)", async () => {
    const lead = await createTestUser();
    const annotator = await createTestUser();
    const outsider = await createTestUser();
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      { userId: annotator.id, role: "annotator" },
    ]);
    const params = { id: project.id };
    expect((await callRoute(getProject, { token: outsider.token, params })).status).toBe(404);
    expect((await callRoute(listMembers, { token: outsider.token, params })).status).toBe(404);
    expect((await callRoute(getProject, { token: annotator.token, params })).body.myRole).toBe("annotator");
    expect((await callRoute(listMembers, { token: annotator.token, params })).status).toBe(403);
    const listed = await callRoute(listProjects, { token: outsider.token });
    expect(listed.body.projects.map((p: { id: string }) => p.id)).not.toContain(project.id);
    expect((await callRoute(getProject, { token: lead.token, params: { id: "not-a-uuid" } })).status).toBe(
      404,
    );
  });

  it("lets a lead add members; an annotator cannot", async () => {
    const lead = await createTestUser();
    const annotator = await createTestUser();
    const newcomer = await createTestUser();
    const project = await createTestProject([
      { userId: lead.id, role: "lead" },
      { userId: annotator.id, role: "annotator" },
    ]);
    const params = { id: project.id };
    const denied = await callRoute(addMember, {
      token: annotator.token,
      params,
      json: { email: newcomer.email, role: "lead" },
    });
    expect(denied.status).toBe(403);
    const added = await callRoute(addMember, {
      token: lead.token,
      params,
      json: { email: newcomer.email, role: "engineer" },
    });
    expect(added.status).toBe(201);
    const members = await callRoute(listMembers, { token: lead.token, params });
    expect(members.body.members.find((m: { email: string }) => m.email === newcomer.email).role).toBe(
      "engineer",
    );
    const unknown = await callRoute(addMember, {
      token: lead.token,
      params,
      json: { email: "nobody@example.com", role: "lead" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("email");
  });
});
