import { DEMO, expect, expectAccessible, screenshot, signIn, test, unique } from "./fixtures";

test("a user signs in, sees their projects, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await screenshot(page, "signin");
  await signIn(page, DEMO.lead);
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
  await page.getByRole("button", { name: "Sign in" }).click();
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
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("New Person");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("must be at least 10 characters")).toBeVisible();
  await page.getByLabel("Password").fill("long-enough-password");
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
