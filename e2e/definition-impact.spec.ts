import {
  DEMO,
  apiAs,
  expect,
  expectAccessible,
  expectStatus,
  screenshot,
  signIn,
  test,
  tokenFor,
  unique,
} from "./fixtures";

const ok = expectStatus;

// Set-up through the API, then one page: under a loaded machine it needs more than the default 60 s.
test.describe.configure({ timeout: 150_000 });

test("a lead sees what a breaking version makes stale before saving it; the project tabs fit one line", async ({
  page,
  baseURL,
  adminApi,
}) => {
  const project = await ok(
    await adminApi.post("/api/v1/projects", { data: { name: unique("Impact e2e"), overlap: 3 } }),
    201,
  );
  await ok(
    await adminApi.post(`/api/v1/projects/${project.id}/members`, {
      data: { email: DEMO.lead, role: "lead" },
    }),
    201,
  );
  const lead = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  await ok(
    await lead.post(`/api/v1/projects/${project.id}/label-definitions`, {
      data: {
        key: "sentiment",
        kind: "single_choice",
        title: "Sentiment",
        options: [{ key: "pos" }, { key: "neg" }, { key: "neu" }],
      },
    }),
    201,
  );
  // 12 items with three labels each (36 labels) and 1 with a single label: 37 labels on 13 items.
  const items = Array.from({ length: 12 }, (_, i) => ({
    externalId: `calm-${i}`,
    data: { text: `calm sentence ${i}` },
    annotations: ["w1", "w2", "w3"].map((annotator) => ({ annotator, values: { sentiment: "pos" } })),
  }));
  items.push({
    externalId: "lonely",
    data: { text: "one label only" },
    annotations: [{ annotator: "w1", values: { sentiment: "neu" } }],
  });
  await ok(await lead.post(`/api/v1/projects/${project.id}/items`, { data: items }), 201);
  const set = await ok(
    await lead.post(`/api/v1/projects/${project.id}/eval-sets`, { data: { name: "calm set", filter: {} } }),
    201,
  );
  await ok(await lead.post(`/api/v1/eval-sets/${set.id}/freeze`, { data: {} }), 201);

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/label-definitions/sentiment`);
  await expect(page.getByRole("heading", { name: "Sentiment", level: 1 })).toBeVisible();

  // Every tab a lead sees sits on one line at 1280 px, none cut off.
  const nav = page.getByRole("navigation", { name: "Project" });
  const tabs = nav.getByRole("link");
  await expect(tabs).toHaveCount(13);
  await expect(tabs.last()).toHaveText("Audit");
  const tops = await tabs.evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
  // and they are reached by keyboard, in order
  await tabs.first().focus();
  await page.keyboard.press("Tab");
  await expect(tabs.nth(1)).toBeFocused();

  const impact = page.getByRole("region", { name: "Impact of this version" });
  await expect(page.getByRole("button", { name: "Save as a new version" })).toBeVisible();
  await expect(impact).toHaveCount(0);
  // Removing "neu" breaks answers given under v1: the editor says what saving would leave behind.
  await page.getByRole("button", { name: "Remove option 3" }).click();
  await expect(impact).toBeVisible();
  await expect(impact).toContainText("Saving this breaking change as v2 makes stale:");
  await expect(impact).toContainText("37 labels on 13 items, made under v1;");
  await expect(impact).toContainText("1 frozen eval set (1 version) built on v1");
  await expectAccessible(page);
  await impact.scrollIntoViewIfNeeded();
  await screenshot(page, "definition-impact");
  await page.screenshot({ path: ".reports/screenshots/definition-impact-viewport.png" });
  await lead.dispose();
});
