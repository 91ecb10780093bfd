import { DEMO, expect, expectAccessible, screenshot, signIn, test, unique } from "./fixtures";

test("a lead sets up a project: two definitions, a CSV upload, then the batch and its items", async ({
  page,
  adminApi,
}) => {
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Reviews"), overlap: 2 } });
  expect(created.status()).toBe(201);
  const project = (await created.json()) as { id: string; name: string };
  expect(
    (
      await adminApi.post(`/api/v1/projects/${project.id}/members`, {
        data: { email: DEMO.lead, role: "lead" },
      })
    ).status(),
  ).toBe(201);

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/label-definitions`);
  await expect(page.getByText("No label definitions yet")).toBeVisible();

  // First definition: a single choice with two options.
  await page.getByRole("link", { name: "New definition" }).click();
  await page.getByLabel("Key", { exact: true }).fill("sentiment");
  await page.getByLabel("Title", { exact: true }).fill("Sentiment");
  await page.getByLabel("Option 1 key").fill("positive");
  await page.getByRole("button", { name: "Add option" }).click();
  await page.getByLabel("Option 2 key").fill("negative");
  await page.getByLabel("Guidelines for annotators (Markdown)").fill("Pick the **writer's** sentiment.");
  await expect(
    page.getByRole("complementary", { name: "Live preview" }).getByRole("button", { name: /negative/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "definition-new");
  await page.getByRole("button", { name: "Create definition" }).click();
  await expect(page.getByRole("heading", { name: "Sentiment" })).toBeVisible();

  // Edit it: a new version, with the diff shown.
  await page
    .getByLabel("Guidelines for annotators (Markdown)")
    .fill("Pick the **writer's** sentiment, not the reader's.");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("current version v2")).toBeVisible();
  await expect(page.getByText("What changed from v1 to v2")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "definition-versions");

  // Second definition: a rating scale.
  await page.goto(`/projects/${project.id}/label-definitions/new`);
  await page.getByLabel("Key", { exact: true }).fill("stars");
  await page.getByLabel("Kind").selectOption("rating");
  await page.getByRole("button", { name: "Create definition" }).click();
  await expect(page.getByText("stars · rating")).toBeVisible();
  await page.goto(`/projects/${project.id}/label-definitions`);
  await expect(page.getByRole("link", { name: "Sentiment" })).toBeVisible();
  await expect(page.getByRole("link", { name: "stars" })).toBeVisible();

  // Upload a CSV from the browser, mapping its columns.
  await page.goto(`/projects/${project.id}/import`);
  const csv =
    'review_id,review,stars_hint\nr1,"Great food, slow service",4\nr2,Never again,1\nr3,"Fine.\nNothing special",3\n';
  await page
    .getByLabel(/^File/)
    .setInputFiles({ name: "reviews.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("First 3 records")).toBeVisible();
  await expect(page.getByLabel("External id field")).toHaveValue("review_id");
  await page.getByLabel("stars_hint").uncheck();
  await expectAccessible(page);
  await screenshot(page, "import-mapping");
  await page.getByRole("button", { name: "Import reviews.csv" }).click();
  await expect(page.getByText("Imported 3 items.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "reviews.csv" })).toBeVisible();
  await screenshot(page, "import-done");

  await page.getByRole("link", { name: "reviews" }).click();
  await expect(page.getByRole("cell", { name: "r2" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "items");
  // Items are named by their external id wherever they are listed.
  await page.getByRole("link", { name: "r1", exact: true }).click();
  await expect(page.getByText("Great food, slow service")).toBeVisible();
  await expect(page.getByText("stars_hint")).toHaveCount(0);
});

test("a file with a bad line imports nothing and says which line", async ({ page, adminApi }) => {
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Bad file") } });
  expect(created.status(), await created.text()).toBe(201);
  const project = (await created.json()) as { id: string };
  const member = await adminApi.post(`/api/v1/projects/${project.id}/members`, {
    data: { email: DEMO.lead, role: "lead" },
  });
  expect(member.status(), await member.text()).toBe(201);
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/import`);
  await expect(page.getByRole("heading", { name: "Import items" })).toBeVisible();
  const jsonl = '{"data": {"text": "fine"}}\n{"data": {"text": "also fine"}}\n{"data": "not an object"}\n';
  await page
    .getByLabel(/^File/)
    .setInputFiles({ name: "bad.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(jsonl) });
  await page.getByRole("button", { name: "Import bad.jsonl" }).click();
  await expect(page.getByText(/Nothing was imported/)).toBeVisible();
  await expect(page.getByText(/^line 3:/)).toBeVisible();
  await screenshot(page, "import-error");
  await page.goto(`/projects/${project.id}/items`);
  await expect(page.getByText("No items here")).toBeVisible();
});

test("bookmarks of the pages' old addresses land on the renamed pages", async ({ page, adminApi }) => {
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Old addresses") } });
  const project = (await created.json()) as { id: string };
  await adminApi.post(`/api/v1/projects/${project.id}/members`, { data: { email: DEMO.lead, role: "lead" } });
  const definition = { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] };
  await adminApi.post(`/api/v1/projects/${project.id}/label-definitions`, { data: definition });
  await signIn(page, DEMO.lead);
  const base = `/projects/${project.id}`;
  await page.goto(`${base}/definitions`);
  await expect(page).toHaveURL(new RegExp(`${base}/label-definitions$`));
  await page.goto(`${base}/definitions/sentiment?from=1&to=1`);
  await expect(page).toHaveURL(new RegExp(`${base}/label-definitions/sentiment\\?from=1&to=1$`));
  await expect(page.getByText("current version v1")).toBeVisible();
  await page.goto(`${base}/label`);
  await expect(page).toHaveURL(new RegExp(`${base}/queue$`));
});
