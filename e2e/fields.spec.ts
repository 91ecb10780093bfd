import type { Page, Response } from "@playwright/test";
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
} from "./fixtures";

const SECRET = "GOLD-SECRET";
const ITEMS = 4;

function record(i: number) {
  return {
    externalId: `pair-${i + 1}`,
    data: {
      prompt: `Question ${i + 1}: how do I reset my password?`,
      chosen: `Chosen answer ${i + 1}: open Settings, then Password.`,
      rejected: `Rejected answer ${i + 1}: I cannot help with that.`,
      gold: `${SECRET}-${i + 1}`,
    },
  };
}

/** Every answer of the app's API the page receives, as text. */
function recordApiAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", (response: Response) => {
    if (!response.url().includes("/api/")) return;
    void response
      .text()
      .then((text) => bodies.push(`${response.url()} ${text}`))
      .catch(() => undefined);
  });
  return bodies;
}

test("hidden fields never reach an annotator, and shuffled sides are answered for the side shown", async ({
  page,
  browser,
  baseURL,
  adminApi,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Pairs"), overlap: 1 } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(
    (
      await adminApi.post(`/api/v1/projects/${id}/members`, { data: { email: DEMO.lead, role: "lead" } })
    ).status(),
  ).toBe(201);
  const annotatorEmail = `${unique("rater")}@example.com`;
  expect(
    (
      await adminApi.post("/api/v1/users", {
        data: { email: annotatorEmail, name: "Rater", password: DEMO_PASSWORD },
      })
    ).status(),
  ).toBe(201);
  expect(
    (
      await adminApi.post(`/api/v1/projects/${id}/members`, {
        data: { email: annotatorEmail, role: "annotator" },
      })
    ).status(),
  ).toBe(201);
  const definition = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, {
    data: {
      key: "better",
      title: "Better answer",
      kind: "pairwise",
      textFields: ["chosen", "rejected"],
      textField: "prompt",
      shuffleSides: true,
    },
  });
  expect(definition.status(), await definition.text()).toBe(201);
  const imported = await adminApi.post(`/api/v1/projects/${id}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: Array.from({ length: ITEMS }, (_, i) => JSON.stringify(record(i))).join("\n"),
  });
  expect(imported.status(), await imported.text()).toBe(201);

  // The lead hides `gold` on the settings page.
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${id}/settings`);
  const gold = page.getByRole("checkbox", { name: /gold/ });
  await gold.check();
  await page.getByRole("button", { name: "Save hidden fields" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("hidden", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "fields-settings");

  // The items browser: status, the hidden field offered as a filter.
  await page.goto(`/projects/${id}/items`);
  await expect(page.getByRole("link", { name: "pair-1" })).toBeVisible();
  await expect(page.getByRole("option", { name: "gold (hidden)" })).toBeAttached();
  await page.getByLabel("Data field").selectOption("gold");
  await page.getByLabel("equals").fill(`${SECRET}-3`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: "pair-3" })).toBeVisible();
  await expect(page.getByRole("link", { name: "pair-1" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "fields-items-browser");

  // The annotator labels every item with ← (the side shown left), never seeing `gold`.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const rater = await context.newPage();
  const answers = recordApiAnswers(rater);
  await signIn(rater, annotatorEmail);
  await rater.goto(`/projects/${id}/queue`);
  const expected = new Map<string, string>();
  for (let n = 0; n < ITEMS; n++) {
    const heading = rater.getByRole("heading", { level: 2, name: /^Item pair-\d/ });
    await expect(heading).toBeVisible({ timeout: 30_000 });
    const externalId = ((await heading.textContent()) ?? "").replace(/^Item\s*/, "").trim();
    expect(expected.has(externalId)).toBe(false);
    const left = (await rater.getByRole("region", { name: "Side Left" }).textContent()) ?? "";
    expected.set(externalId, left.includes("Chosen answer") ? "A" : "B");
    await expect(rater.locator("body")).not.toContainText(SECRET);
    await expect(rater.locator("body")).not.toContainText(/\bgold\b/);
    if (n === 0) {
      await expectAccessible(rater);
      await screenshot(rater, "fields-queue-shuffled");
    }
    await rater.keyboard.press("ArrowLeft");
    await expect(rater.getByRole("button", { name: /Left is better/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await rater.keyboard.press("Enter");
    await expect(heading.or(rater.getByText("You’re all caught up"))).not.toHaveText(`Item ${externalId}`);
  }
  await expect(rater.getByText("You’re all caught up")).toBeVisible();
  await expect.poll(() => answers.length).toBeGreaterThan(ITEMS);
  for (const answer of answers) expect(answer).not.toContain(SECRET);

  // Stored in the data's terms: A is `chosen`, whichever side it was shown on.
  const api = await apiAs(baseURL!, await tokenFor(baseURL!, annotatorEmail));
  const recent = (await (await api.get(`/api/v1/projects/${id}/my/assignments?limit=10`)).json()) as {
    assignments: { assignmentId: string; externalId: string }[];
  };
  expect(recent.assignments).toHaveLength(ITEMS);
  for (const { assignmentId, externalId } of recent.assignments) {
    const detail = (await (await api.get(`/api/v1/assignments/${assignmentId}`)).json()) as {
      values: { better: string };
      item: { data: Record<string, unknown> };
    };
    expect(detail.values.better, externalId).toBe(expected.get(externalId));
    expect(detail.item.data).not.toHaveProperty("gold");
  }
  await api.dispose();
  await context.close();

  // The lead still sees `gold`, marked hidden, on the item page.
  await page.goto(`/projects/${id}/items`);
  await page.getByRole("link", { name: "pair-1" }).click();
  await expect(page.getByText(`${SECRET}-1`)).toBeVisible();
  await expect(page.getByText("hidden from annotators")).toBeVisible();
});
