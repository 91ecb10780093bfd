import { afterAll, describe, expect, it } from "vitest";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { PATCH as updateUser } from "@/app/api/v1/users/[id]/route";
import { POST as importUsers } from "@/app/api/v1/users/import/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { GET as listMyTokens } from "@/app/api/v1/me/tokens/route";
import { db, disconnectDb, getPool } from "@/lib/db";
import { checkPassword } from "@/lib/server/auth/check-password";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD, createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";

afterAll(async () => {
  await disconnectDb();
});

const paths = (body: { errors: { path: string; line?: number }[] }) =>
  body.errors.map((e) => (e.line === undefined ? e.path : `${e.line}:${e.path}`));

describe("users: search and paging", () => {
  it("pages through users matching a search, with the total", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const tag = uniqueName("paging");
    const made = await Promise.all(
      Array.from({ length: 7 }, (_, i) => createTestUser({ name: `${tag}-${String(i).padStart(2, "0")}` })),
    );
    const seen: string[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const res = await callRoute(listUsers, {
        token: admin.token,
        path: `/x?q=${tag.toUpperCase()}&offset=${offset}&limit=3`,
      });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(7);
      seen.push(...res.body.users.map((u: { email: string }) => u.email));
    }
    expect(seen).toEqual(made.map((u) => u.email).sort());
  });

  it("refuses a bad page with 400 naming the field, and non-admins with 403", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["offset=-1", "offset"],
      ["limit=x", "limit"],
      ["nope=1", ""],
    ]) {
      const res = await callRoute(listUsers, { token: admin.token, path: `/x?${query}` });
      expect(res.status, query).toBe(400);
      if (field) expect(paths(res.body)).toContain(field);
    }
    expect((await callRoute(listUsers, { token: user.token })).status).toBe(403);
  });
});

describe("users: what an admin may change", () => {
  it("lets chosen users create projects, which they then lead", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    const name = uniqueName("creator-project");
    const refused = await callRoute(createProject, { token: user.token, json: { name } });
    expect(refused.status).toBe(403);
    const granted = await callRoute(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: user.id },
      json: { canCreateProjects: true },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.canCreateProjects).toBe(true);
    const created = await callRoute(createProject, { token: user.token, json: { name } });
    expect(created.status).toBe(201);
    expect(created.body.myRole).toBe("lead");
    const membership = await db.membership.findFirst({ where: { projectId: created.body.id } });
    expect(membership).toMatchObject({ userId: user.id, role: "lead" });
    // Naming someone else as lead is an admin's call.
    const other = await createTestUser();
    const named = await callRoute(createProject, {
      token: user.token,
      json: { name: uniqueName("p"), leadEmail: other.email },
    });
    expect(named.status).toBe(403);
  });

  it("lets an admin create a project with a named lead, and refuses an unknown one naming leadEmail", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const lead = await createTestUser();
    const created = await callRoute(createProject, {
      token: admin.token,
      json: { name: uniqueName("p"), leadEmail: lead.email.toUpperCase() },
    });
    expect(created.status).toBe(201);
    const members = await db.membership.findMany({ where: { projectId: created.body.id } });
    expect(members.map((m) => [m.userId, m.role])).toEqual([[lead.id, "lead"]]);
    const name = uniqueName("p");
    const unknown = await callRoute(createProject, {
      token: admin.token,
      json: { name, leadEmail: "nobody-here@example.com" },
    });
    expect(unknown.status).toBe(422);
    expect(paths(unknown.body)).toEqual(["leadEmail"]);
    expect(await db.project.findUnique({ where: { name } })).toBeNull();
  });

  it("disables a user: no sign-in, their tokens refused; enabling lets them back", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    expect((await callRoute(listMyTokens, { token: user.token })).status).toBe(200);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const res = await callRoute(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: user.id },
      json: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.disabledAt).not.toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await callRoute(listMyTokens, { token: user.token })).status).toBe(401);
    expect(await checkPassword(user.email, TEST_PASSWORD, null)).toBeNull();
    await callRoute(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: user.id },
      json: { disabled: false },
    });
    expect((await callRoute(listMyTokens, { token: user.token })).status).toBe(200);
    expect(await checkPassword(user.email, TEST_PASSWORD, null)).not.toBeNull();
  });

  it("refuses bad changes naming the field, and an admin disabling themselves", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    const bad = await callRoute(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: user.id },
      json: { disabled: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(["disabled"]);
    const self = await callRoute(updateUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: admin.id },
      json: { disabled: true },
    });
    expect(self.status).toBe(409);
    expect(paths(self.body)).toEqual(["disabled"]);
    const byUser = await callRoute(updateUser, {
      method: "PATCH",
      token: user.token,
      params: { id: user.id },
      json: { isAdmin: true },
    });
    expect(byUser.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(false);
  });
});

describe("users: CSV import", () => {
  it("creates every line with a password that signs in, and members of the project", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const project = await createTestProject();
    const tag = uniqueName("csv");
    const csv = `email,name,role\n${tag}-a@example.com,A,annotator\n${tag}-b@example.com,"B, the second",engineer\n${tag}-c@example.com,C,admin\n`;
    const res = await callRoute(importUsers, {
      token: admin.token,
      json: { csv, projectId: project.id, credentials: "passwords" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.created.map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
      [`${tag}-a@example.com`, "annotator"],
      [`${tag}-b@example.com`, "engineer"],
      [`${tag}-c@example.com`, "admin"],
    ]);
    const b = res.body.created[1];
    expect(await checkPassword(b.email, b.password, null)).toMatchObject({ name: "B, the second" });
    const members = await getPool().query(
      `SELECT u.email, m.role::text FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.project_id = $1 ORDER BY u.email`,
      [project.id],
    );
    expect(members.rows).toEqual([
      { email: `${tag}-a@example.com`, role: "annotator" },
      { email: `${tag}-b@example.com`, role: "engineer" },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { email: `${tag}-c@example.com` } })).isAdmin).toBe(
      true,
    );
  });

  it("creates nothing when any line is wrong, naming each line", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const existing = await createTestUser();
    const tag = uniqueName("csv");
    const bad = `${tag}-a@example.com,A,user\nbroken,B,user\n${tag}-c@example.com,C,annotator\n`;
    const res = await callRoute(importUsers, { token: admin.token, json: { csv: bad } });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(["2:email", "3:role"]);
    const taken = `${tag}-a@example.com,A,user\n${existing.email},Again,user\n`;
    const conflict = await callRoute(importUsers, {
      token: admin.token,
      json: { csv: taken, credentials: "passwords" },
    });
    expect(conflict.status).toBe(409);
    expect(paths(conflict.body)).toEqual(["2:email"]);
    expect(await db.user.count({ where: { email: { startsWith: tag } } })).toBe(0);
    const noProject = await callRoute(importUsers, {
      token: admin.token,
      json: { csv: `${tag}-a@example.com,A,lead\n`, projectId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(noProject.status).toBe(422);
    expect(paths(noProject.body)).toEqual(["projectId"]);
    expect(await db.invitation.count({ where: { email: { startsWith: tag } } })).toBe(0);
  });

  it("refuses a file with NUL, too large, or the wrong columns with 4xx naming it, creating nothing", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const tag = uniqueName("csv");
    const send = (csv: string) => callRoute(importUsers, { token: admin.token, json: { csv } });
    const nul = await send(`${tag}-a@example.com,A\u0000B,user\n`);
    expect(nul.status).toBe(400);
    expect(nul.headers.get("content-type")).toBe("application/problem+json");
    expect(paths(nul.body)).toEqual(["csv"]);
    const huge = await send("x".repeat(1_100_000));
    expect(huge.status).toBe(413);
    const manyLines = Array.from({ length: 1_001 }, (_, i) => `${tag}-${i}@example.com,N${i},user`).join(
      "\n",
    );
    const tooMany = await send(manyLines);
    expect(tooMany.status).toBe(400);
    expect(paths(tooMany.body)).toEqual(["1001:csv"]);
    const columns = await send(
      `${tag}-a@example.com,A\n${tag}-b@example.com,B,user,extra\n"unclosed,C,user\n`,
    );
    expect(columns.status).toBe(400);
    // An unclosed quote stops the parser: the line it reached is named.
    expect(paths(columns.body)).toEqual(["3:csv"]);
    const shifted = await send(`${tag}-a@example.com,A\n${tag}-b@example.com,B,user,extra\n`);
    expect(shifted.status).toBe(400);
    expect(paths(shifted.body)).toEqual(["1:csv", "2:csv"]);
    const header = await send("name,email,role\nA,a@example.com,user\n");
    expect(header.status).toBe(400);
    expect(paths(header.body)).toEqual(["1:email", "1:role", "2:email"]);
    expect(await db.user.count({ where: { email: { startsWith: tag } } })).toBe(0);
    expect(await db.invitation.count({ where: { email: { startsWith: tag } } })).toBe(0);
  });

  it("gives invitation links instead of passwords, and only admins may import", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const tag = uniqueName("csv");
    const res = await callRoute(importUsers, {
      token: admin.token,
      json: { csv: `${tag}-a@example.com,A,user\n` },
    });
    expect(res.status).toBe(201);
    expect(res.body.created[0].invitationUrl).toMatch(/\/invite\/inv_[A-Za-z0-9_-]{43}$/);
    expect(res.body.created[0].password).toBeUndefined();
    expect(await db.user.count({ where: { email: { startsWith: tag } } })).toBe(0);
    const token = res.body.created[0].invitationUrl.split("/invite/")[1];
    const stored = await db.invitation.findFirstOrThrow({ where: { email: `${tag}-a@example.com` } });
    expect(stored.tokenHash).not.toContain(token);
    const user = await createTestUser();
    expect(
      (await callRoute(importUsers, { token: user.token, json: { csv: `${tag}-b@example.com,B,user\n` } }))
        .status,
    ).toBe(403);
  });
});
