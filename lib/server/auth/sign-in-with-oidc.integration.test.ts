import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as exchangePassword } from "@/app/api/v1/auth/token/route";
import { db, disconnectDb } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { TEST_PASSWORD, createTestUser, uniqueName } from "@/lib/testing/factories";
import { signInWithOidc } from "./sign-in-with-oidc";

afterAll(async () => {
  await disconnectDb();
});

afterEach(() => {
  delete process.env.CONCORD_PASSWORD_SIGNIN;
  delete process.env.CONCORD_OIDC_ISSUER;
});

const settings = {
  issuer: "http://idp.example",
  clientId: "c",
  clientSecret: "s",
  name: "IdP",
  scopes: "openid email",
  rolesClaim: "groups",
  adminGroups: ["admins"],
  creatorGroups: [],
};

describe("signing in with OpenID Connect", () => {
  it("creates the user once, then matches them by email; groups set admin at every sign-in", async () => {
    const email = `${uniqueName("sso")}@example.com`;
    const first = await signInWithOidc(
      { sub: "1", email: email.toUpperCase(), name: "Sam", groups: ["admins"] },
      settings,
    );
    expect(first).toMatchObject({ email, name: "Sam", isDisabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).isAdmin).toBe(true);
    const again = await signInWithOidc({ sub: "1", email, name: "Sam", groups: [] }, settings);
    expect(again.id).toBe(first.id);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).isAdmin).toBe(false);
  });

  it("matches an existing password user, keeps rights the settings do not name, and tells a disabled one", async () => {
    const user = await createTestUser();
    await db.user.update({
      where: { id: user.id },
      data: { canCreateProjects: true, disabledAt: new Date() },
    });
    const matched = await signInWithOidc({ sub: "x", email: user.email, email_verified: true }, settings);
    expect(matched).toMatchObject({ id: user.id, isDisabled: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).canCreateProjects).toBe(true);
  });

  it("refuses an email the provider has not verified, or none", async () => {
    const email = `${uniqueName("sso")}@example.com`;
    await expect(signInWithOidc({ sub: "1", email, email_verified: false }, settings)).rejects.toThrow(
      /verified/,
    );
    await expect(signInWithOidc({ sub: "1" }, settings)).rejects.toThrow(/verified/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("with password sign-in off, no token is given for a password", async () => {
    const user = await createTestUser();
    const json = { email: user.email, password: TEST_PASSWORD, name: "cli" };
    expect((await callRoute(exchangePassword, { json })).status).toBe(201);
    process.env.CONCORD_OIDC_ISSUER = "http://idp.example";
    process.env.CONCORD_PASSWORD_SIGNIN = "off";
    expect((await callRoute(exchangePassword, { json })).status).toBe(403);
  });
});
