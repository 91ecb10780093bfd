import { crowdAlpha, readDynasent } from "./dynasent-reference";
import { DEMO, apiAs, expect, expectAccessible, screenshot, signIn, test, tokenFor } from "./fixtures";

// What `npm start` seeds (lib/server/demo/): a first sign-in finds something to do in every role.
const DEMO_PROJECT = "DynaSent sentiment (demo)";
const DRIFT_PROJECT = "DynaSent round 2 test (demo)";
const EVAL_SET = "Sentiment, clear-cut sentences";

/** The reference: the workers' alpha on the test split's sentences that fooled model 1. */
function fooledAlpha(): number {
  return crowdAlpha(readDynasent("test").filter((r) => r.model_1_label !== r.gold_label));
}

async function projectIds(baseURL: string, email: string): Promise<Map<string, string>> {
  const api = await apiAs(baseURL, await tokenFor(baseURL, email));
  const { projects } = (await (await api.get("/api/v1/projects")).json()) as {
    projects: { id: string; name: string }[];
  };
  await api.dispose();
  return new Map(projects.map((p) => [p.name, p.id]));
}

test("the demo lead finds disagreements to adjudicate and a flagged drift window", async ({
  page,
  baseURL,
}) => {
  // Three full pages checked by axe-core: on a loaded two-core machine each takes tens of seconds.
  test.setTimeout(180_000);
  const ids = await projectIds(baseURL!, DEMO.lead);
  const api = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  const unresolved = (await (
    await api.get(`/api/v1/projects/${ids.get(DEMO_PROJECT)}/final-labels?state=unresolved&limit=25`)
  ).json()) as { items: { itemId: string }[] };
  await api.dispose();
  expect(unresolved.items).toHaveLength(25);

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${ids.get(DEMO_PROJECT)}/adjudication`);
  const queue = page.getByRole("table", { name: "Items waiting for a decision" });
  await expect(queue.getByRole("link", { name: /^Review item / })).toHaveCount(25);
  await expect(
    queue.getByRole("link", { name: `Review item ${unresolved.items[0].itemId}`, exact: true }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "demo-lead-review");

  await page.goto(`/projects/${ids.get(DRIFT_PROJECT)}/agreement`);
  await expect(page.getByRole("heading", { name: /Label drift · \d+ flagged/ })).toBeVisible();
  const later = page.getByRole("row").filter({ hasText: "Sentences that fooled model 1" });
  await expect(later.first()).toContainText("Agreement below the previous interval");
  await expect(later.first()).toContainText(fooledAlpha().toFixed(2));
  await expectAccessible(page);
  await screenshot(page, "demo-lead-drift");
});

test("the demo engineer finds a frozen eval set version to export; the annotator has work", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ids = await projectIds(baseURL!, DEMO.engineer);
  const api = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.engineer));
  const { evalSets } = (await (
    await api.get(`/api/v1/eval-sets?name=${encodeURIComponent(EVAL_SET)}`)
  ).json()) as { evalSets: { id: string }[] };
  expect(evalSets).toHaveLength(1);
  const version = (await (await api.get(`/api/v1/eval-sets/${evalSets[0].id}/versions/1`)).json()) as {
    sha256: string;
    itemCount: number;
  };
  await api.dispose();

  await signIn(page, DEMO.engineer);
  await page.goto(`/projects/${ids.get(DEMO_PROJECT)}/eval-sets`);
  await page.getByRole("link", { name: EVAL_SET }).click();
  await page.goto(`/projects/${ids.get(DEMO_PROJECT)}/eval-sets/${evalSets[0].id}/versions/1`);
  await expect(page.getByTestId("version-sha256")).toHaveText(version.sha256);
  await expect(page.getByText(/^npx concord export --url/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "demo-engineer-eval-set");

  const context = await browser.newContext();
  const annotator = await context.newPage();
  await signIn(annotator, DEMO.annotator);
  await annotator.goto(`/projects/${ids.get(DEMO_PROJECT)}/queue`);
  await expect(annotator.getByRole("heading", { level: 2, name: /^Item / })).toBeVisible();
  await screenshot(annotator, "demo-annotator-queue");
  await context.close();
});
