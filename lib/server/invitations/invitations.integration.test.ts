import { afterAll, describe, expect, it } from "vitest";
import { POST as createInvitation } from "@/app/api/v1/invitations/route";
import { GET as getInvitation } from "@/app/api/v1/invitations/[token]/route";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/[token]/accept/route";
import { POST as createProjectInvitation } from "@/app/api/v1/projects/[id]/invitations/route";
import { db, disconnectDb, getPool } from "@/lib/db";
import { checkPassword } from "@/lib/server/auth/check-password";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";
import { hashInvitationToken } from "./invitation-token";

afterAll(async () => {
  await disconnectDb();
});

const tokenOf = (url: string) => url.split("/invite/")[1];
const accept = (token: string, json: unknown) => callRoute(acceptInvitation, { params: { token }, json });
const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path);

async function leadInvites(role: "annotator" | "lead" | "engineer" = "annotator") {
  const lead = await createTestUser();
  const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
  const email = `${uniqueName("invitee")}@example.com`;
  const res = await callRoute(createProjectInvitation, {
    token: lead.token,
    params: { id: project.id },
    json: { email, role },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { lead, project, email, token: tokenOf(res.body.url), invitation: res.body };
}

describe("invitations", () => {
  it("let a lead's invitee set a name and password, once, and join the project with the role", async () => {
    const { project, email, token } = await leadInvites("engineer");
    const stored = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    const shown = await callRoute(getInvitation, { params: { token } });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ email, projectName: project.name, role: "engineer" });
    const res = await accept(token, { name: "Grace Hopper", password: "a long passphrase" });
    expect(res.status).toBe(201);
    const user = await checkPassword(email, "a long passphrase", null);
    expect(user).toMatchObject({ name: "Grace Hopper", isAdmin: false });
    const membership = await db.membership.findFirstOrThrow({
      where: { projectId: project.id, userId: user!.id },
    });
    expect(membership.role).toBe("engineer");
    // Used: the link is gone, and a second use changes nothing.
    expect((await callRoute(getInvitation, { params: { token } })).status).toBe(410);
    const again = await accept(token, { name: "Mallory", password: "another passphrase" });
    expect(again.status).toBe(410);
    expect(await checkPassword(email, "another passphrase", null)).toBeNull();
  });

  it("serve exactly one of two accepts made at once", async () => {
    const { email, token } = await leadInvites();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        accept(token, { name: `Racer ${i}`, password: `passphrase number ${i}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410, 410]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("expire", async () => {
    const { email, token } = await leadInvites();
    await getPool().query(
      "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1",
      [email],
    );
    expect((await callRoute(getInvitation, { params: { token } })).status).toBe(410);
    expect((await accept(token, { name: "Late", password: "a long passphrase" })).status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuse bad input naming the field, unknown tokens, and taken emails", async () => {
    const { email, token } = await leadInvites();
    const bad = await accept(token, { name: "", password: "short" });
    expect(bad.status).toBe(400);
    expect(paths(bad.body).sort()).toEqual(["name", "password"]);
    expect(await db.user.count({ where: { email } })).toBe(0);
    const unknown = `inv_${"A".repeat(43)}`;
    expect((await callRoute(getInvitation, { params: { token: unknown } })).status).toBe(404);
    expect((await callRoute(getInvitation, { params: { token: "nope" } })).status).toBe(404);
    const lead = await createTestUser();
    const project = await createTestProject([{ userId: lead.id, role: "lead" }]);
    const taken = await callRoute(createProjectInvitation, {
      token: lead.token,
      params: { id: project.id },
      json: { email: lead.email, role: "annotator" },
    });
    expect(taken.status).toBe(409);
    expect(paths(taken.body)).toEqual(["email"]);
    const noRole = await callRoute(createProjectInvitation, {
      token: lead.token,
      params: { id: project.id },
      json: { email: "x@example.com" },
    });
    expect(noRole.status).toBe(400);
    expect(paths(noRole.body)).toEqual(["role"]);
  });

  it("answer a malformed token (NUL, huge, outside base64url) with 404 and create nothing", async () => {
    const { email, token } = await leadInvites();
    const json = { name: "Someone", password: "a long passphrase" };
    for (const bad of [
      `${token.slice(0, -1)}\u0000`,
      token + "A".repeat(100_000),
      `inv_${"+/=.".repeat(10)}abc`,
      `inv_${"A".repeat(42)}é`,
      token.slice(4),
    ]) {
      const read = await callRoute(getInvitation, { params: { token: bad } });
      expect(read.status).toBe(404);
      expect(read.headers.get("content-type")).toBe("application/problem+json");
      expect((await accept(bad, json)).status).toBe(404);
    }
    const broken = await accept(token, { name: ["nested", { deep: 1 }], password: 7 });
    expect(broken.status).toBe(400);
    expect(paths(broken.body).sort()).toEqual(["name", "password"]);
    const nul = await accept(token, { name: "A\u0000B", password: "a long passphrase" });
    expect(nul.status).toBe(400);
    expect(paths(nul.body)).toEqual(["name"]);
    const missing = await callRoute(acceptInvitation, { params: { token }, method: "POST" });
    expect(missing.status).toBe(400);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("are made by leads of the project and admins only", async () => {
    const { project } = await leadInvites();
    const annotator = await createTestUser();
    await db.membership.create({ data: { projectId: project.id, userId: annotator.id, role: "annotator" } });
    const json = { email: `${uniqueName("x")}@example.com`, role: "lead" };
    const byAnnotator = await callRoute(createProjectInvitation, {
      token: annotator.token,
      params: { id: project.id },
      json,
    });
    expect(byAnnotator.status).toBe(403);
    const outsider = await createTestUser();
    expect(
      (await callRoute(createInvitation, { token: outsider.token, json: { email: json.email } })).status,
    ).toBe(403);
    const admin = await createTestUser({ isAdmin: true });
    const byAdmin = await callRoute(createInvitation, {
      token: admin.token,
      json: { email: json.email, isAdmin: true },
    });
    expect(byAdmin.status).toBe(201);
    expect(
      (await accept(tokenOf(byAdmin.body.url), { name: "New admin", password: "a long passphrase" })).status,
    ).toBe(201);
    expect((await db.user.findUniqueOrThrow({ where: { email: json.email } })).isAdmin).toBe(true);
  });
});
