import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { krippendorffAlpha } from "../lib/agreement/krippendorff";
import type { Rating } from "../lib/agreement/types";
import { DEMO, apiAs, expect, expectAccessible, screenshot, signIn, test, tokenFor } from "./fixtures";

const DEMO_PROJECT = "DynaSent sentiment (demo)";

/**
 * The reference, computed straight from the dataset file: the seeded items are DynaSent's first
 * 600 sentences, each with its five crowd labels (lib/server/demo/seed-demo-annotations.ts).
 */
function datasetAlpha(): number {
  const file = path.join(process.cwd(), "prisma/demo/dynasent_r2/dynasent-v1.1-round02-dynabench-dev.jsonl");
  const records = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { label_distribution: Record<string, string[]> });
  const seeded = records.slice(0, records.length - 120);
  const workers = [...new Set(seeded.flatMap((r) => Object.values(r.label_distribution).flat()))];
  const matrix: Rating[][] = seeded.map((r) => {
    const row: Rating[] = workers.map(() => null);
    for (const [label, who] of Object.entries(r.label_distribution))
      for (const w of who) row[workers.indexOf(w)] = label;
    return row;
  });
  return krippendorffAlpha(matrix, "nominal")!;
}

/** A card (components/ui/card) by its heading. */
const cardTitled = (page: Page, title: string) =>
  page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });

async function demoProjectId(baseURL: string): Promise<string> {
  const api = await apiAs(baseURL, await tokenFor(baseURL, DEMO.lead));
  const { projects } = (await (await api.get("/api/v1/projects")).json()) as {
    projects: { id: string; name: string }[];
  };
  await api.dispose();
  return projects.find((p) => p.name === DEMO_PROJECT)!.id;
}

test("a lead reads agreement on the demo, drills down to a definition and opens a disputed item", async ({
  page,
  baseURL,
}) => {
  const expected = datasetAlpha();
  const projectId = await demoProjectId(baseURL!);
  const api = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  const body = (await (await api.get(`/api/v1/projects/${projectId}/agreement`)).json()) as {
    definitions: {
      key: string;
      version: number | null;
      value: number;
      ci: [number, number];
      itemsCompared: number;
    }[];
  };
  await api.dispose();
  const all = body.definitions.find((d) => d.key === "sentiment" && d.version === null)!;
  expect(all.value).toBeCloseTo(expected, 10);
  expect(all.itemsCompared).toBe(600);

  await signIn(page, DEMO.lead);
  await page.getByRole("link", { name: DEMO_PROJECT }).click();
  const started = Date.now();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  const card = page.getByRole("region", { name: /Sentiment/ });
  await expect(card.getByTestId("agreement-value-sentiment")).toContainText(expected.toFixed(2));
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(card.getByText(`${all.ci[0].toFixed(2)}–${all.ci[1].toFixed(2)}`).first()).toBeVisible();
  await expect(card.getByText("600", { exact: true })).toBeVisible();
  await expect(card.getByRole("img", { name: /by week/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Label drift/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "agreement");

  await card.getByRole("link", { name: /Drill down/ }).click();
  await expect(page.getByRole("heading", { name: "Sentiment: agreement" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Per option, one against the rest" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Which labels annotators confuse" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Annotator by annotator" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "agreement-drill-down");

  const disputed = cardTitled(page, "Items with the most disagreement").getByRole("link").first();
  const itemLink = (await disputed.textContent())!.trim();
  await disputed.click();
  await expect(page.getByRole("heading", { name: itemLink })).toBeVisible();
  const annotations = cardTitled(page, "Annotations");
  await expect(annotations.getByRole("row")).toHaveCount(6);
  await expect(annotations.getByText(/DynaSent worker/).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "agreement-item");
});

test("an engineer reads agreement without names; an annotator may not", async ({
  page,
  browser,
  baseURL,
}) => {
  const projectId = await demoProjectId(baseURL!);
  await signIn(page, DEMO.engineer);
  await page.goto(`/projects/${projectId}/agreement/sentiment`);
  await expect(page.getByRole("heading", { name: "Sentiment: agreement" })).toBeVisible();
  await expect(page.getByText("Annotator 1").first()).toBeVisible();
  await expect(page.getByText(/DynaSent worker/)).toHaveCount(0);
  await expect(cardTitled(page, "Items with the most disagreement").getByRole("link")).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "agreement-engineer");

  const context = await browser.newContext();
  const annotator = await context.newPage();
  await signIn(annotator, DEMO.annotator);
  const response = await annotator.goto(`/projects/${projectId}/agreement`);
  expect(response?.status()).toBe(403);
  await context.close();
});
