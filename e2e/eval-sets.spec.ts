import { createHash } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import {
  DEMO,
  DEMO_PASSWORD,
  apiAs,
  expect,
  expectAccessible,
  screenshot,
  signIn,
  test,
  tokenFor,
  unique,
  labelUntilDone,
} from "./fixtures";

const SENTIMENT = {
  key: "sentiment",
  title: "Sentiment",
  kind: "single_choice",
  options: [
    { key: "pos", title: "Positive" },
    { key: "neg", title: "Negative" },
    { key: "neu", title: "Neutral" },
  ],
};

const TEXTS: Record<string, string> = {
  e1: "The staff were lovely and the soup was perfect.",
  e2: "Well, that was certainly a meal.",
  e3: "Cold fries, rude waiter, never again.",
  e4: "The restaurant opens at noon on weekdays.",
};

/** What each of the three annotators says about each item: e2 splits three ways. */
const VOTES: Record<string, string[]> = {
  e1: ["pos", "pos", "pos"],
  e2: ["pos", "neg", "neu"],
  e3: ["neg", "neg", "pos"],
  e4: ["neu", "neu", "neu"],
};

async function labelAll(baseURL: string, projectId: string, email: string, index: number) {
  const api = await apiAs(baseURL, await tokenFor(baseURL, email));
  await labelUntilDone(api, projectId, (externalId) => ({ sentiment: VOTES[externalId][index] }));
  await api.dispose();
}

/** A project with the demo lead and engineer, three annotators, four items, all labeled. */
async function labeledProject(adminApi: APIRequestContext, baseURL: string) {
  const created = await adminApi.post("/api/v1/projects", {
    data: { name: unique("Eval sets"), overlap: 3 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const member = (email: string, role: string) =>
    adminApi.post(`/api/v1/projects/${id}/members`, { data: { email, role } });
  expect((await member(DEMO.lead, "lead")).status()).toBe(201);
  expect((await member(DEMO.engineer, "engineer")).status()).toBe(201);
  const annotators: string[] = [];
  for (let i = 0; i < 3; i++) {
    const email = `${unique("rater")}@example.com`;
    const user = await adminApi.post("/api/v1/users", {
      data: { email, name: `Rater ${i + 1}`, password: DEMO_PASSWORD },
    });
    expect(user.status(), await user.text()).toBe(201);
    expect((await member(email, "annotator")).status()).toBe(201);
    annotators.push(email);
  }
  expect(
    (await adminApi.post(`/api/v1/projects/${id}/label-definitions`, { data: SENTIMENT })).status(),
  ).toBe(201);
  const items = await adminApi.post(`/api/v1/projects/${id}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: Object.entries(TEXTS)
      .map(([externalId, text]) => JSON.stringify({ externalId, data: { text } }))
      .join("\n"),
  });
  expect(items.status(), await items.text()).toBe(201);
  for (const [i, email] of annotators.entries()) await labelAll(baseURL, id, email, i);
  return { id, annotators };
}

test("a lead adjudicates and freezes an eval set; an engineer downloads it with a token and the hash verifies", async ({
  adminApi,
  baseURL,
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { id: projectId, annotators } = await labeledProject(adminApi, baseURL!);

  // The review queue holds the one item the majority rule cannot settle.
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${projectId}/adjudication`);
  const queue = page.getByRole("table", { name: "Items waiting for a decision" });
  await expect(queue.getByRole("row")).toHaveCount(2);
  await expect(queue).toContainText(TEXTS.e2);
  await expect(queue).toContainText("Neutral ×1");
  await expectAccessible(page);
  await screenshot(page, "adjudication-queue");

  // Side by side, the lead takes one annotator's value, explains why, and saves.
  await queue.getByRole("link", { name: /Review item/ }).click();
  await expect(page.getByRole("heading", { name: /^Item #/ })).toBeVisible();
  await expect(page.getByText("unresolved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /value Neutral$/ }).click();
  await page.getByLabel("Note (optional)").fill("Faint praise: neutral, not positive.");
  await page.getByRole("button", { name: /^Save all decisions/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved 1 decision." })).toBeVisible();
  await expect(page.getByText("decided: Neutral")).toBeVisible();
  await expect(page.getByText("“Faint praise: neutral, not positive.”")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "adjudication-item");
  await page.goto(`/projects/${projectId}/adjudication`);
  await expect(page.getByText("Nothing to review")).toBeVisible();

  // A new eval set: the preview counts before anything is frozen.
  const setName = unique("sentiment-test");
  await page.goto(`/projects/${projectId}/eval-sets`);
  await page.getByLabel("Name", { exact: true }).fill(setName);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("Items a freeze would take")).toBeVisible();
  await expect(preview.getByRole("table", { name: "Final values of Sentiment" })).toContainText("neu");
  await expectAccessible(page);
  await screenshot(page, "eval-set-new");
  await page.getByRole("button", { name: "Create eval set" }).click();
  await expect(page.getByRole("heading", { name: setName })).toBeVisible();

  // Freeze v1, after confirming.
  await page.getByRole("button", { name: "Freeze v1…" }).click();
  await page.getByRole("button", { name: "Freeze version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Froze version 1: 4 items" })).toBeVisible();
  const versions = page.getByRole("table", { name: "Frozen versions" });
  await expect(versions.getByRole("link", { name: "v1" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "eval-set-detail");
  await versions.getByRole("link", { name: "v1" }).click();
  const recorded = (await page.getByTestId("version-sha256").textContent())!.trim();
  expect(recorded).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(page);
  await screenshot(page, "eval-set-version");

  // The engineer finds the set by name with a token and downloads it; the bytes hash to the record.
  const engineer = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.engineer));
  const found = await engineer.get(`/api/v1/eval-sets?name=${encodeURIComponent(setName)}`);
  const [set] = ((await found.json()) as { evalSets: { id: string }[] }).evalSets;
  const exported = await engineer.get(`/api/v1/eval-sets/${set.id}/versions/1/export?format=jsonl`);
  expect(exported.status()).toBe(200);
  const body = await exported.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(recorded);
  const rows = body
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { external_id: string; labels: { sentiment: string } });
  expect(Object.fromEntries(rows.map((r) => [r.external_id, r.labels.sentiment]))).toEqual({
    e1: "pos",
    e2: "neu",
    e3: "neg",
    e4: "neu",
  });
  const again = await engineer.get(`/api/v1/eval-sets/${set.id}/versions/1/export?format=jsonl`);
  expect((await again.body()).equals(body)).toBe(true);
  expect((await engineer.get(`/api/v1/eval-sets/${set.id}/versions/1/export?format=parquet`)).status()).toBe(
    200,
  );
  // Engineers read and export; they do not freeze. Annotators do not export.
  expect((await engineer.post(`/api/v1/eval-sets/${set.id}/freeze`)).status()).toBe(403);
  await engineer.dispose();
  const annotator = await apiAs(baseURL!, await tokenFor(baseURL!, annotators[0]));
  expect((await annotator.get(`/api/v1/eval-sets/${set.id}/versions/1/export`)).status()).toBe(403);
  await annotator.dispose();

  // The engineer's view of the version: no freezing, a download and the CLI command.
  const context = await browser.newContext();
  const engineerPage = await context.newPage();
  await signIn(engineerPage, DEMO.engineer);
  await engineerPage.goto(`/projects/${projectId}/eval-sets/${set.id}`);
  await expect(engineerPage.getByRole("button", { name: /Freeze/ })).toHaveCount(0);
  await engineerPage.goto(`/projects/${projectId}/eval-sets/${set.id}/versions/1`);
  await expect(engineerPage.getByTestId("version-sha256")).toHaveText(recorded);
  await expect(engineerPage.getByText(/^npx concord export --url/)).toBeVisible();
  await expectAccessible(engineerPage);
  await screenshot(engineerPage, "eval-set-version-engineer");
  await context.close();
});
