import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, request, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "concord-demo";
export const DEMO = {
  admin: "admin@concord.local",
  lead: "lead@concord.local",
  annotator: "annotator@concord.local",
  engineer: "engineer@concord.local",
};

let counter = 0;
/** A name no other test (or earlier run against the same database) uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

export async function tokenFor(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const ctx = await request.newContext({ baseURL });
  const response = await ctx.post("/api/v1/auth/token", { data: { email, password, name: unique("e2e") } });
  expect(response.status(), await response.text()).toBe(201);
  const { token } = (await response.json()) as { token: string };
  await ctx.dispose();
  return token;
}

export async function apiAs(baseURL: string, token: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Fails on any serious or critical axe-core violation, listing them. */
/**
 * Claims and submits through the queue until it answers 204, each served item getting
 * `valuesFor(externalId)`: how the specs give a project its annotations. Returns how many were submitted.
 */
export async function labelUntilDone(
  api: APIRequestContext,
  projectId: string,
  valuesFor: (externalId: string) => unknown,
): Promise<number> {
  let submitted = 0;
  for (;;) {
    const next = await api.post(`/api/v1/projects/${projectId}/queue/next`);
    if (next.status() === 204) return submitted;
    expect(next.status(), await next.text()).toBe(200);
    const served = (await next.json()) as { assignmentId: string; item: { externalId: string } };
    const submit = await api.post(`/api/v1/assignments/${served.assignmentId}/submit`, {
      data: { values: valuesFor(served.item.externalId) },
    });
    expect(submit.status(), await submit.text()).toBe(201);
    submitted += 1;
  }
}

export async function expectAccessible(page: Page) {
  // After router.refresh() Next streams the page's metadata back in: wait for the title, so axe
  // reads the settled document rather than one caught mid-refresh.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual(
    [],
  );
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `.reports/screenshots/${name}.png`, fullPage: true });
}

/** Expects an API answer's status (showing its body when it differs) and returns its JSON. */
export async function expectStatus(
  response: Awaited<ReturnType<APIRequestContext["post"]>>,
  status: number,
): Promise<{ id: string }> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as { id: string };
}

type TFixtures = { adminApi: APIRequestContext };

export const test = base.extend<TFixtures>({
  adminApi: async ({ baseURL }, use) => {
    const api = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.admin));
    await use(api);
    await api.dispose();
  },
});

export { expect };
