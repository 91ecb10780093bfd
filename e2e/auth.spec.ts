import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, screenshot, signIn, test, tokenFor, unique } from "./fixtures";

/** A user of their own, so that ending their sessions cannot sign out another test's demo user. */
async function createUser(adminApi: APIRequestContext, prefix: string) {
  const email = `${unique(prefix)}@example.com`;
  const password = `${unique("pw")}-secret`;
  const created = await adminApi.post("/api/v1/users", { data: { email, name: "Session Tester", password } });
  expect(created.status(), await created.text()).toBe(201);
  return { email, password };
}

test("a user signs in, sees their projects, and signs out", async ({ page, adminApi }) => {
  // Signing out ends all of a user's sessions: a fresh lead of the demo project stands in for the
  // demo lead, whom other specs use at the same time.
  const lead = await createUser(adminApi, "lead");
  const projects = (await (await adminApi.get("/api/v1/projects")).json()) as {
    projects: { id: string; name: string }[];
  };
  const demo = projects.projects.find((p) => p.name.startsWith("DynaSent sentiment"));
  const added = await adminApi.post(`/api/v1/projects/${demo!.id}/members`, {
    data: { email: lead.email, role: "lead" },
  });
  expect(added.ok(), await added.text()).toBe(true);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await screenshot(page, "signin");
  await signIn(page, lead.email, lead.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: /DynaSent sentiment/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "home-lead");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a clear message and no session", async ({ page, adminApi }) => {
  const email = `${unique("wrongpw")}@example.com`;
  const created = await adminApi.post("/api/v1/users", {
    data: { email, name: "Wrong Pw", password: "right-password-1" },
  });
  expect(created.status()).toBe(201);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an annotator is refused from the admin pages", async ({ page }) => {
  await signIn(page, DEMO.annotator);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "forbidden");
});

test("an admin creates a user and adds them to a project", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const email = `${unique("newuser")}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("New Person");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("must be at least 10 characters")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("long-enough-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-users");

  await page.goto("/admin/projects");
  const projectName = unique("Project");
  await page.getByLabel("Name").fill(projectName);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: projectName })).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("User email").fill(email);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "members");
});

for (const callbackUrl of [
  "/%5Cevil.example/x",
  "/%09/evil.example/x",
  "https://evil.example/x",
  "/.//evil.example",
]) {
  test(`signing in with callbackUrl=${callbackUrl} stays on this site`, async ({ page, baseURL }) => {
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(DEMO.annotator);
    await page.getByLabel("Password").fill("concord-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).not.toHaveURL(/\/signin/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("a same-site callbackUrl is still followed after sign-in", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/settings/tokens?x=1")}`);
  await page.getByLabel("Email").fill(DEMO.annotator);
  await page.getByLabel("Password").fill("concord-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/tokens\?x=1$/);
});

test("a signed-out session cookie is refused", async ({ page, browser, adminApi, baseURL }) => {
  const user = await createUser(adminApi, "signout");
  await signIn(page, user.email, user.password);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who kept a copy of the cookie (a shared computer, a stolen backup) tries it again.
  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/v1/me/tokens")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/settings/tokens");
  await expect(replayPage).toHaveURL(/\/signin/);
  await replay.close();
});

async function expectSignedIn(page: Page) {
  await page.goto("/settings/tokens");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("changing one's password ends one's other sessions and keeps this one", async ({
  page,
  browser,
  adminApi,
  baseURL,
}) => {
  // Two browsers, four password checks and two accessibility scans: more than the default minute
  // on a busy machine.
  test.slow();
  const user = await createUser(adminApi, "pwchange");
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, user.email, user.password);
  await signIn(page, user.email, user.password);

  await page.getByRole("link", { name: "Password" }).click();
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("is not your current password")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "password-change-error");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed");
  await expectAccessible(page);
  await screenshot(page, "password-change");

  await otherPage.goto("/settings/tokens");
  await expect(otherPage).toHaveURL(/\/signin/);
  expect((await other.request.get("/api/v1/me/tokens")).status()).toBe(401);
  await other.close();
  await expectSignedIn(page);
  await tokenFor(baseURL!, user.email, "a-brand-new-password");
});

test("an admin resets a password and the user's sessions end", async ({
  page,
  browser,
  adminApi,
  baseURL,
}) => {
  test.slow();
  const user = await createUser(adminApi, "pwreset");
  const users = (await (await adminApi.get("/api/v1/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const target = users.users.find((u) => u.email === user.email)!;
  const userContext = await browser.newContext({ baseURL });
  const userPage = await userContext.newPage();
  await signIn(userPage, user.email, user.password);

  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Reset a password" }).click();
  const reset = page.getByRole("form", { name: "Reset a password" });
  await reset.getByLabel("User").selectOption(target.id);
  await reset.getByLabel("New password").fill("reset-by-the-admin");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByRole("status")).toContainText(user.email);
  await expectAccessible(page);
  await screenshot(page, "password-reset");

  await userPage.goto("/settings/tokens");
  await expect(userPage).toHaveURL(/\/signin/);
  await userContext.close();
  await tokenFor(baseURL!, user.email, "reset-by-the-admin");
  // The admin's own session is not touched.
  await expectSignedIn(page);
});

test("pages and the API carry security headers, and pages still hydrate under the CSP", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text());
  });
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Every script Next wrote into the page carries this response's nonce.
  const scripts = await page
    .locator("script")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // Hydrated: the form is React's (a client-side sign-in), not a plain HTML form posting itself.
  await signIn(page, DEMO.annotator);
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("must not be empty")).toBeVisible();
  expect(violations).toEqual([]);

  const api = await request.get("/api/v1/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The hot lane (served outside Next) answers with the same headers.
  const hot = await request.post("/api/v1/assignments/1/skip");
  expect(hot.status()).toBe(401);
  expect(hot.headers()["x-content-type-options"]).toBe("nosniff");
  expect(hot.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
