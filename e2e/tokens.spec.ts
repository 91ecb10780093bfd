import { DEMO, apiAs, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";

test("API calls without a token are refused, and with one act with the owner's rights", async ({
  baseURL,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/v1/projects");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const forged = await apiAs(baseURL!, "cnc_forged-token-that-does-not-exist");
  expect((await forged.get("/api/v1/projects")).status()).toBe(401);
  await anonymous.dispose();
  await forged.dispose();
});

test("a user creates a token in settings, uses it, and revokes it", async ({ page, baseURL }) => {
  await signIn(page, DEMO.engineer);
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("notebook");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^cnc_/);
  await expectAccessible(page);
  await screenshot(page, "tokens");

  const api = await apiAs(baseURL!, token);
  const projects = await api.get("/api/v1/projects");
  expect(projects.status()).toBe(200);
  const body = (await projects.json()) as { projects: { name: string; myRole: string }[] };
  expect(body.projects.map((p) => p.myRole)).toContain("engineer");
  // The engineer's rights, not more: creating a user is an admin's.
  const denied = await api.post("/api/v1/users", {
    data: { email: "x@example.com", name: "X", password: "0123456789" },
  });
  expect(denied.status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke notebook" }).first().click();
  await expect(page.getByText("revoked").first()).toBeVisible();
  expect((await api.get("/api/v1/projects")).status()).toBe(401);
  await api.dispose();
});
