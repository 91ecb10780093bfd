import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { GET as listMyTokens } from "@/app/api/v1/me/tokens/route";
import { POST as resetPassword } from "@/app/api/v1/users/[id]/password/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { statusWithin } from "@/lib/testing/status-within";
import { TEST_PASSWORD, createTestUser } from "@/lib/testing/factories";
import { authOptions } from "./auth-options";
import { checkPassword } from "./check-password";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "sessions-test-secret";
});

afterAll(async () => {
  await disconnectDb();
});

type TUser = Awaited<ReturnType<typeof createTestUser>>;

/** A session cookie as next-auth writes it at sign-in (auth-options.ts's jwt callback). */
async function signedInCookie(user: TUser) {
  const { rows } = await getPool().query("SELECT session_version FROM users WHERE id = $1", [user.id]);
  const session = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sv: rows[0].session_version },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${session}`;
}

const asSession = (cookie: string) => callRoute(listMyTokens, { headers: { cookie } });

describe("sessions", () => {
  it("are refused once their user signed out, everywhere", async () => {
    const user = await createTestUser();
    const here = await signedInCookie(user);
    const elsewhere = await signedInCookie(user);
    expect((await asSession(here)).status).toBe(200);
    expect((await asSession(elsewhere)).status).toBe(200);
    // What POST /api/auth/signout runs once it has read this cookie.
    await authOptions.events!.signOut!({ token: { sub: user.id }, session: null as never });
    expect((await asSession(here)).status).toBe(401);
    expect((await asSession(elsewhere)).status).toBe(401);
    // Signing in again gives a session that works.
    expect((await asSession(await signedInCookie(user))).status).toBe(200);
    // API tokens are not sessions: they stay until revoked.
    expect((await callRoute(listMyTokens, { token: user.token })).status).toBe(200);
  });

  it("are cached, and refused within moments of a sign-out made by another process", async () => {
    const user = await createTestUser();
    const cookie = await signedInCookie(user);
    expect((await asSession(cookie)).status).toBe(200);
    // The cache keeps only what it loaded while listening: give its connection a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await asSession(cookie)).status).toBe(200);
    // A change nobody announced (triggers off) goes unseen: the cached caller answers.
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query("UPDATE users SET session_version = session_version + 1 WHERE id = $1", [user.id]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect((await asSession(cookie)).status).toBe(200);
    // Raw SQL, as another app process would sign out: only the trigger's notification reaches
    // this process's cache.
    await getPool().query("UPDATE users SET session_version = session_version + 1 WHERE id = $1", [user.id]);
    expect(await statusWithin(() => asSession(cookie), 401)).toBe(401);
  });

  it("end, but for the one that made it, when their user changes the password", async () => {
    const user = await createTestUser();
    const here = await signedInCookie(user);
    const elsewhere = await signedInCookie(user);
    const changed = await callRoute(changePassword, {
      headers: { cookie: here },
      json: { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(changed.status).toBe(204);
    expect((await asSession(elsewhere)).status).toBe(401);
    expect((await asSession(here)).status).toBe(401);
    const renewed = changed.headers.get("set-cookie")!;
    expect(renewed).toMatch(
      /^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    expect((await asSession(renewed.split(";")[0])).status).toBe(200);
    expect(await checkPassword(user.email, "a-brand-new-password", null)).toMatchObject({ id: user.id });
    expect(await checkPassword(user.email, TEST_PASSWORD, null)).toBeNull();
  });

  it("need the current password to change it, and a wrong one changes nothing", async () => {
    const user = await createTestUser();
    const cookie = await signedInCookie(user);
    const wrong = await callRoute(changePassword, {
      headers: { cookie },
      json: { currentPassword: "not-the-password", newPassword: "a-brand-new-password" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: "is not your current password" }]);
    const short = await callRoute(changePassword, {
      headers: { cookie },
      json: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { path: string }) => e.path)).toEqual(["newPassword"]);
    expect((await asSession(cookie)).status).toBe(200);
    expect(await checkPassword(user.email, TEST_PASSWORD, null)).toMatchObject({ id: user.id });
    expect(
      (await callRoute(changePassword, { json: { currentPassword: "x", newPassword: "y" } })).status,
    ).toBe(401);
  });

  it("end when an admin resets the password, which only an admin can", async () => {
    const admin = await createTestUser({ isAdmin: true });
    const user = await createTestUser();
    const other = await createTestUser();
    const cookie = await signedInCookie(user);
    const reset = (token: string, id: string, json: unknown) =>
      callRoute(resetPassword, { token, params: { id }, json });

    expect((await reset(other.token, user.id, { password: "by-someone-else" })).status).toBe(403);
    expect((await reset(admin.token, user.id, { password: "short" })).body.errors[0].path).toBe("password");
    expect(
      (await reset(admin.token, "00000000-0000-4000-8000-000000000000", { password: "long-enough-1" }))
        .status,
    ).toBe(404);
    expect((await reset(admin.token, "not-an-id", { password: "long-enough-1" })).status).toBe(404);
    expect((await asSession(cookie)).status).toBe(200);

    expect((await reset(admin.token, user.id, { password: "reset-by-the-admin" })).status).toBe(204);
    expect((await asSession(cookie)).status).toBe(401);
    expect(await checkPassword(user.email, "reset-by-the-admin", null)).toMatchObject({ id: user.id });
    expect((await callRoute(listMyTokens, { token: admin.token })).status).toBe(200);
  });
});
