import { DEMO_PASSWORD, expect, expectAccessible, screenshot, signIn, test, unique } from "./fixtures";

// While PostgreSQL is down the API answers 503 with Retry-After (lib/server/api/api-route.ts): the
// workspace keeps the annotator's answer, says so, and sends it again until the server takes it.
test("a submit refused with 503 is kept on screen and sent again until it is saved", async ({
  adminApi,
  page,
}) => {
  test.setTimeout(120_000);
  const project = await adminApi.post("/api/v1/projects", {
    data: { name: unique("Unavailable"), overlap: 1 },
  });
  expect(project.status(), await project.text()).toBe(201);
  const { id } = (await project.json()) as { id: string };
  const definition = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, {
    data: {
      key: "sentiment",
      title: "Sentiment",
      kind: "single_choice",
      options: [
        { key: "pos", title: "Positive" },
        { key: "neg", title: "Negative" },
      ],
    },
  });
  expect(definition.status(), await definition.text()).toBe(201);
  const items = await adminApi.post(`/api/v1/projects/${id}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: ["u1", "u2"]
      .map((externalId) => JSON.stringify({ externalId, data: { text: externalId } }))
      .join("\n"),
  });
  expect(items.ok(), await items.text()).toBe(true);
  const email = `${unique("annotator")}@example.com`;
  expect(
    (await adminApi.post("/api/v1/users", { data: { email, name: "A", password: DEMO_PASSWORD } })).status(),
  ).toBe(201);
  expect(
    (await adminApi.post(`/api/v1/projects/${id}/members`, { data: { email, role: "annotator" } })).status(),
  ).toBe(201);

  // The first two submits meet a server whose database is down; the third goes through once the
  // page has been checked as it stands while waiting.
  const sent: { url: string; body: unknown }[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/assignments/*/submit*", async (route) => {
    sent.push({ url: route.request().url(), body: route.request().postDataJSON() });
    if (sent.length > 2) {
      await released;
      return route.continue();
    }
    await route.fulfill({
      status: 503,
      headers: { "content-type": "application/problem+json", "retry-after": "1" },
      body: JSON.stringify({
        type: "https://concord.dev/problems/unavailable",
        title: "Service Unavailable",
        status: 503,
        detail: "The database cannot be reached right now. Try again in a few seconds.",
        requestId: "e2e-unavailable",
        errors: [],
      }),
    });
  });

  await signIn(page, email);
  await page.goto(`/projects/${id}/queue`);
  const heading = page.getByRole("heading", { level: 2, name: /^Item / });
  await expect(heading).toHaveText("Item u1");
  await page.keyboard.press("1");
  await page.keyboard.press("Control+Enter");

  await expect(page.getByText("The server is unavailable; your answer is kept.").first()).toBeVisible();
  await expect(heading).toHaveText("Item u1");
  await expect(page.getByRole("button", { name: /Positive/ })).toHaveAttribute("aria-pressed", "true");
  await screenshot(page, "workspace-server-unavailable");
  await expectAccessible(page);
  release();

  await expect(heading).toHaveText("Item u2", { timeout: 15_000 });
  expect(sent).toHaveLength(3);
  for (const { body } of sent) expect(body).toMatchObject({ values: { sentiment: "pos" } });
  const assignmentId = /assignments\/([^/]+)\/submit/.exec(sent[0].url)![1];
  const stored = await page.request.get(`/api/v1/assignments/${assignmentId}`);
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({ status: "submitted", values: { sentiment: "pos" } });
});
