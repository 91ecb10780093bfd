import { readFileSync } from "node:fs";
import { crowdAlpha, readDynasent } from "./dynasent-reference";
import { DEMO, apiAs, expect, expectAccessible, screenshot, signIn, test, tokenFor } from "./fixtures";

// What `npm start` seeds (lib/server/demo/): a first sign-in finds something to do in every role.
const DEMO_PROJECT = "DynaSent sentiment (demo)";
const DRIFT_PROJECT = "DynaSent round 2 test (demo)";
const EVAL_SET = "Sentiment, clear-cut sentences";
const HH_PROJECT = "HH-RLHF preferences (demo)";

/** The HH-RLHF pair of a source line, from the subset the seed imports. */
function hhPair(sourceLine: number): { chosen: string; rejected: string } {
  const dir = "prisma/demo/hh_rlhf_harmless";
  const lines = JSON.parse(readFileSync(`${dir}/source-lines.json`, "utf8")) as number[];
  const pairs = readFileSync(`${dir}/harmless-base-test-demo.jsonl`, "utf8").split("\n");
  return JSON.parse(pairs[lines.indexOf(sourceLine)]) as { chosen: string; rejected: string };
}

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

test("the demo annotator judges HH-RLHF pairs: the prompt as a chat, the two replies side by side", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ids = await projectIds(baseURL!, DEMO.annotator);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.annotator);
  await page.goto(`/projects/${ids.get(HH_PROJECT)}/queue`);
  const heading = page.getByRole("heading", { level: 2, name: /^Item harmless-base-test-\d+$/ });
  await expect(heading).toBeVisible();
  const sourceLine = Number((await heading.textContent())!.replace(/^Item harmless-base-test-/, ""));
  const { chosen, rejected } = hhPair(sourceLine);
  const turns = chosen.split(/\n\n(?:Human|Assistant): ?/).slice(1);
  const marker = "\n\nAssistant:";
  const reply = (t: string) => t.slice(t.lastIndexOf(marker) + marker.length).replace(/^ /, "");

  // The shared turns read as a chat transcript, one bubble per turn, roles told apart.
  const chat = page.getByRole("list", { name: "prompt" });
  await expect(chat.getByRole("listitem")).toHaveCount(turns.length - 1);
  await expect(chat.getByRole("listitem").first()).toHaveAttribute("data-role", "user");
  await expect(chat.getByRole("listitem").first()).toContainText(turns[0].trim().slice(0, 40));
  // The two replies, in an order drawn for this assignment; which one was chosen is not shown.
  const sides = [
    page.getByRole("region", { name: "Side Left" }),
    page.getByRole("region", { name: "Side Right" }),
  ];
  const shown = await Promise.all(sides.map(async (side) => (await side.textContent()) ?? ""));
  expect(shown.some((t) => t.includes(reply(chosen).trim()))).toBe(true);
  expect(shown.some((t) => t.includes(reply(rejected).trim()))).toBe(true);
  await expect(page.getByText("hh_chosen")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Left is better/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "demo-hh-annotator-1440");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chat).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await screenshot(page, "demo-hh-annotator-390");
});
