import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test, unique } from "./fixtures";
import { OIDC, startOidcProvider } from "./oidc-provider";

// Several pages and a sign-in per test, on a shared machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

let stop: (() => Promise<void>) | undefined;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  ({ stop } = await startOidcProvider(baseURL!));
});

test.afterAll(async () => {
  await stop?.();
});

async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${OIDC.name}` }).click();
  // The provider's own pages, on its own port.
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${OIDC.port}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("signs in through the OpenID Connect provider: a new user is created, groups map to roles", async ({
  page,
  adminApi,
}) => {
  // Set in the test too: the first test also pays for the provider's start and the first compile.
  test.setTimeout(180_000);
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: `Sign in with ${OIDC.name}` })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "signin-sso");

  const email = `${unique("sso-user")}@example.com`;
  await signInThroughProvider(page, email);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  const users = (await (await adminApi.get(`/api/v1/users?q=${email}`)).json()) as {
    users: { id: string; email: string; name: string; isAdmin: boolean }[];
  };
  expect(users.users).toMatchObject([{ email, isAdmin: false }]);
  expect(users.users[0].name).toMatch(/^SSO sso-user-/);

  // The same person again: matched by email, not created twice; disabled, they are refused.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const disabled = await adminApi.patch(`/api/v1/users/${users.users[0].id}`, { data: { disabled: true } });
  expect(disabled.status()).toBe(200);
  await page.getByRole("button", { name: `Sign in with ${OIDC.name}` }).click();
  await expect(page.getByText("Your account is disabled. Ask an admin.")).toBeVisible();
  const again = (await (await adminApi.get(`/api/v1/users?q=${email}`)).json()) as { total: number };
  expect(again.total).toBe(1);
});

test("a login in the admins' group becomes a Concord admin", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `${unique("admin-sso")}@example.com`;
  await signInThroughProvider(page, email);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
});
