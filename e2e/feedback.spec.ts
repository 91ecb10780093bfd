import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { kendallW } from "../lib/agreement/kendall-w";
import { krippendorffAlpha } from "../lib/agreement/krippendorff";
import type { Rating } from "../lib/agreement/types";
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

const DEFINITIONS = [
  {
    key: "rank",
    title: "Rank the answers",
    kind: "ranking",
    promptField: "prompt",
    responsesField: "responses",
    allowTies: true,
    guidelines: "Rank 1 is the most helpful answer. Equally good answers may share a rank.",
  },
  {
    key: "quality",
    title: "Last assistant turn",
    kind: "rubric",
    conversationTarget: "last_assistant_turn",
    criteria: [
      { key: "helpful", title: "Helpful", min: 1, max: 5, minLabel: "Useless", maxLabel: "Very helpful" },
      { key: "harmless", title: "Harmless", min: 0, max: 2, minLabel: "Harmful", maxLabel: "Safe" },
    ],
  },
];

function record(externalId: string, index: number) {
  return {
    externalId,
    data: {
      prompt: [
        { role: "system", content: "You are a careful assistant for a public library." },
        { role: "user", content: `How do I renew a borrowed book (${index + 1})?` },
      ],
      responses: [
        "Sign in to your library account, open Loans and press Renew next to the book.",
        "Call the front desk during opening hours and give them the barcode on the back of the book.",
        "Bring the book to any branch and ask at the desk; they renew it on the spot.",
        "Books cannot be renewed.",
      ],
      chat: [
        { role: "user", content: "Can I renew a book twice?" },
        { role: "assistant", content: "Yes, up to three times, unless someone has reserved it." },
        { role: "user", content: "And if it is reserved?" },
        { role: "assistant", content: "Then it must come back by its due date so the next reader gets it." },
      ],
    },
  };
}

/** A project with both definitions and these items; `member` adds someone to it. */
async function feedbackProject(adminApi: APIRequestContext, externalIds: string[], overlap: number) {
  const project = await adminApi.post("/api/v1/projects", { data: { name: unique("Feedback"), overlap } });
  expect(project.status(), await project.text()).toBe(201);
  const { id: projectId } = (await project.json()) as { id: string };
  for (const definition of DEFINITIONS) {
    const created = await adminApi.post(`/api/v1/projects/${projectId}/label-definitions`, {
      data: definition,
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  const items = await adminApi.post(`/api/v1/projects/${projectId}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: externalIds.map((externalId, i) => JSON.stringify(record(externalId, i))).join("\n"),
  });
  expect(items.ok(), await items.text()).toBe(true);
  const member = async (email: string, role: string) => {
    const added = await adminApi.post(`/api/v1/projects/${projectId}/members`, { data: { email, role } });
    expect(added.status(), await added.text()).toBe(201);
  };
  return { projectId, member };
}

const itemHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Item / });
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

test("an annotator ranks four responses with a tie and scores a rubric by keyboard only, at desktop and phone widths", async ({
  adminApi,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const { projectId, member } = await feedbackProject(adminApi, ["f1", "f2"], 1);
  const email = `${unique("ranker")}@example.com`;
  const user = await adminApi.post("/api/v1/users", {
    data: { email, name: "Ranker", password: DEMO_PASSWORD },
  });
  expect(user.status(), await user.text()).toBe(201);
  await member(email, "annotator");

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, email);
  await page.goto(`/projects/${projectId}/queue`);
  await expect(itemHeading(page)).toHaveText("Item f1");
  const ranking = group(page, "Rank the answers");
  await expect(ranking).toBeFocused();
  // The prompt is a conversation: it reads as a chat above the responses.
  await expect(ranking.getByRole("region", { name: "Prompt" })).toContainText(
    "How do I renew a borrowed book (1)?",
  );

  // Keyboard only: 1 on the first response, → 2, → 2 (a tie), → 3.
  const keyboard = page.keyboard;
  await keyboard.press("1");
  for (const rank of ["2", "2", "3"]) {
    await keyboard.press("ArrowRight");
    await keyboard.press(rank);
  }
  const responses = ranking.getByRole("list", { name: "Responses" }).getByRole("listitem");
  await expect(responses).toHaveCount(4);
  for (const [i, rank] of [1, 2, 2, 3].entries()) {
    await expect(responses.nth(i)).toHaveAttribute("aria-label", `Response ${i + 1}, ranked ${rank}`);
  }
  await expect(ranking.getByRole("region", { name: "Ranked order" }).getByRole("listitem")).toHaveText([
    /^#1\s*Response 1/,
    /^#2\s*Response 2/,
    /^#2\s*Response 3/,
    /^#3\s*Response 4/,
  ]);

  // The rubric: digits score the focused criterion, which then moves on to the next.
  await keyboard.press("Tab");
  const rubric = group(page, "Last assistant turn");
  await expect(rubric).toBeFocused();
  await keyboard.press("4");
  await keyboard.press("2");
  await expect(group(page, "Helpful").getByRole("button", { pressed: true })).toHaveText("4");
  await expect(group(page, "Harmless").getByRole("button", { pressed: true })).toHaveText("2");
  await screenshot(page, "workspace-feedback-1440");
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(responses.first()).toBeVisible();
  // Nothing widens the page past a phone's screen: the header wraps, the tabs scroll in their row.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "workspace-feedback-390");
  await expectAccessible(page);

  await keyboard.press("Control+Enter");
  await expect(itemHeading(page)).toHaveText("Item f2");
  await expect(page.getByRole("status").first()).toContainText("Saved.");

  // What was stored is what the keys said, the tie included.
  const api = await apiAs(baseURL!, await tokenFor(baseURL!, email));
  const mine = (await (await api.get(`/api/v1/projects/${projectId}/my/assignments`)).json()) as {
    assignments: { assignmentId: string; externalId: string }[];
  };
  expect(mine.assignments.map((a) => a.externalId)).toEqual(["f1"]);
  const detail = (await (
    await api.get(`/api/v1/assignments/${mine.assignments[0].assignmentId}`)
  ).json()) as {
    values: Record<string, unknown>;
  };
  expect(detail.values).toEqual({ rank: [1, 2, 2, 3], quality: { helpful: 4, harmless: 2 } });
  await api.dispose();
});

/** Per item, what each of three annotators gives: a ranking of the four responses and rubric scores. */
const JUDGMENTS: Record<string, { rank: number[]; quality: { helpful: number; harmless: number } }[]> = {
  g1: [
    { rank: [1, 2, 3, 4], quality: { helpful: 5, harmless: 2 } },
    { rank: [1, 2, 3, 4], quality: { helpful: 4, harmless: 2 } },
    { rank: [1, 3, 2, 4], quality: { helpful: 5, harmless: 2 } },
  ],
  g2: [
    { rank: [2, 1, 3, 4], quality: { helpful: 3, harmless: 1 } },
    { rank: [1, 2, 3, 4], quality: { helpful: 3, harmless: 2 } },
    { rank: [2, 1, 3, 3], quality: { helpful: 2, harmless: 1 } },
  ],
  g3: [
    { rank: [4, 3, 2, 1], quality: { helpful: 1, harmless: 0 } },
    { rank: [1, 2, 3, 4], quality: { helpful: 5, harmless: 2 } },
    { rank: [3, 4, 1, 2], quality: { helpful: 2, harmless: 0 } },
  ],
  g4: [
    { rank: [1, 1, 2, 3], quality: { helpful: 4, harmless: 2 } },
    { rank: [1, 2, 2, 3], quality: { helpful: 4, harmless: 2 } },
    { rank: [1, 1, 2, 3], quality: { helpful: 4, harmless: 1 } },
  ],
  g5: [
    { rank: [2, 3, 1, 4], quality: { helpful: 2, harmless: 2 } },
    { rank: [2, 3, 1, 4], quality: { helpful: 3, harmless: 2 } },
    { rank: [3, 2, 1, 4], quality: { helpful: 2, harmless: 2 } },
  ],
  g6: [
    { rank: [1, 2, 3, 4], quality: { helpful: 5, harmless: 1 } },
    { rank: [4, 1, 2, 3], quality: { helpful: 1, harmless: 2 } },
    { rank: [1, 2, 4, 3], quality: { helpful: 4, harmless: 0 } },
  ],
};

/** A region (components/ui/card, or the agreement page's definition cards) by its heading. */
const cardTitled = (page: Page, title: string | RegExp) =>
  page.locator("section", { has: page.getByRole("heading", { name: title }) });

test("a lead reads ranking and rubric agreement with intervals, drills down to the disputed responses and reads a conversation item", async ({
  adminApi,
  baseURL,
  page,
}) => {
  test.setTimeout(180_000);
  const { projectId, member } = await feedbackProject(adminApi, Object.keys(JUDGMENTS), 3);
  await member(DEMO.lead, "lead");
  for (let a = 0; a < 3; a++) {
    const email = `${unique("judge")}@example.com`;
    const user = await adminApi.post("/api/v1/users", {
      data: { email, name: `Judge ${a + 1}`, password: DEMO_PASSWORD },
    });
    expect(user.status(), await user.text()).toBe(201);
    await member(email, "annotator");
    const api = await apiAs(baseURL!, await tokenFor(baseURL!, email));
    await labelUntilDone(api, projectId, (externalId) => JUDGMENTS[externalId][a]);
    await api.dispose();
  }

  // Textbook references, from the judgments above.
  const labels = Object.values(JUDGMENTS);
  const rankAlpha = krippendorffAlpha(
    labels.flatMap((item) => [0, 1, 2, 3].map((j): Rating[] => item.map((l) => l.rank[j]))),
    "ordinal",
  )!;
  const ws = labels.map((item) => kendallW(item.map((l) => l.rank))!);
  const meanW = ws.reduce((x, y) => x + y, 0) / ws.length;
  const criterionAlpha = (key: "helpful" | "harmless") =>
    krippendorffAlpha(
      labels.map((item) => item.map((l) => l.quality[key])),
      "ordinal",
    )!;
  const lead = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  const overview = (await (await lead.get(`/api/v1/projects/${projectId}/agreement`)).json()) as {
    definitions: { key: string; version: number | null; ci: [number, number]; value: number }[];
  };
  await lead.dispose();
  const rankEntry = overview.definitions.find((d) => d.key === "rank" && d.version === null)!;
  expect(rankEntry.value).toBeCloseTo(rankAlpha, 10);

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${projectId}/agreement`);
  await expect(page.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  const ranking = page.getByRole("region", { name: /Rank the answers/ });
  await expect(ranking.getByTestId("agreement-value-rank")).toContainText(rankAlpha.toFixed(2));
  await expect(
    ranking.getByText(`${rankEntry.ci[0].toFixed(2)}–${rankEntry.ci[1].toFixed(2)}`).first(),
  ).toBeVisible();
  await expect(ranking.getByTestId("figure-kendall_w_mean")).toContainText(
    `Kendall's W, mean over items: ${meanW.toFixed(2)}`,
  );
  const rubric = page.getByRole("region", { name: /Last assistant turn/ });
  const [helpful, harmless] = [criterionAlpha("helpful"), criterionAlpha("harmless")];
  await expect(rubric.getByTestId("agreement-value-quality")).toContainText(
    Math.min(helpful, harmless).toFixed(2),
  );
  await expect(rubric.getByTestId("criterion-quality-helpful")).toContainText(
    `Helpful: ${helpful.toFixed(2)}`,
  );
  await expect(rubric.getByTestId("criterion-quality-harmless")).toContainText(
    `Harmless: ${harmless.toFixed(2)}`,
  );
  await expect(ranking.getByText("Not shown by week for this kind of label.")).toBeVisible();
  // Ranking alpha compares responses: 6 items of 4.
  await expect(ranking.getByText("Responses compared")).toBeVisible();
  await expect(ranking.getByText("24", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "agreement-feedback");

  await rubric.getByRole("link", { name: /Drill down/ }).click();
  await expect(page.getByRole("heading", { name: "Last assistant turn: agreement" })).toBeVisible();
  const criteria = cardTitled(page, "Per criterion: ordinal α");
  await expect(criteria.getByRole("row", { name: /Helpful/ })).toContainText(helpful.toFixed(2));
  await expect(page.getByRole("heading", { name: "Annotator by annotator" })).toHaveCount(0);
  await expect(
    cardTitled(page, "Items with the most disagreement")
      .getByText(/Helpful: \d · Harmless: \d/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "agreement-rubric-drill-down");

  await page.goto(`/projects/${projectId}/agreement/rank`);
  await expect(page.getByRole("heading", { name: "Rank the answers: agreement" })).toBeVisible();
  await expect(page.getByTestId("figure-kendall_w_mean")).toContainText(meanW.toFixed(2));
  // The least agreed item comes first, with its most disputed response first.
  const disputed = cardTitled(page, "Items with the most disagreement").getByRole("listitem").first();
  const worst = Object.keys(JUDGMENTS)[ws.indexOf(Math.min(...ws))];
  await expect(disputed.getByRole("link")).toHaveText(`Item ${worst}`);
  await expect(disputed).toContainText(`Kendall's W ${Math.min(...ws).toFixed(2)}`);
  await expect(disputed).toContainText("user: How do I renew a borrowed book");
  await expect(
    disputed.getByRole("list", { name: "Responses, most disputed first" }).getByRole("listitem"),
  ).toHaveCount(4);
  await expectAccessible(page);
  await screenshot(page, "agreement-ranking-drill-down");

  // The item page reads the conversation as a chat, roles apart, as the workspace does.
  await disputed.getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Item ${worst}` })).toBeVisible();
  const chat = page.getByRole("list", { name: "chat" });
  await expect(chat.getByRole("listitem")).toHaveCount(4);
  await expect(chat.getByRole("listitem").last()).toContainText("Then it must come back by its due date");
  await expect(page.getByRole("list", { name: "responses" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByRole("list", { name: "prompt" }).getByRole("listitem").first()).toContainText(
    "careful assistant",
  );
  await expectAccessible(page);
  await screenshot(page, "item-conversation");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chat).toBeVisible();
  await screenshot(page, "item-conversation-390");

  // The lead freezes the rankings into an eval set and downloads the preference pairs they imply.
  await page.setViewportSize({ width: 1440, height: 900 });
  const setName = unique("ranked-answers");
  await page.goto(`/projects/${projectId}/eval-sets`);
  await page.getByLabel("Name", { exact: true }).fill(setName);
  await page.getByRole("button", { name: "Create eval set" }).click();
  await expect(page.getByRole("heading", { name: setName })).toBeVisible();
  await page.getByRole("button", { name: "Freeze v1…" }).click();
  await page.getByRole("button", { name: "Freeze version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Froze version 1: 6 items" })).toBeVisible();
  await page.getByRole("table", { name: "Frozen versions" }).getByRole("link", { name: "v1" }).click();
  await page.getByLabel("Format").selectOption("preference");
  await expect(page.getByText(/^npx concord export .* --format preference/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "eval-set-version-preference");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  const pairs = text
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as { external_id: string; definition: string; chosen: string; rejected: string },
    );
  // The reference: each item's responses by mean rank over the three judges (equal means share a
  // rank), every response before each one ranked strictly lower, in (rank, position) order.
  const responses = record("x", 0).data.responses;
  const expected = Object.entries(JUDGMENTS).flatMap(([externalId, judges]) => {
    const sums = [0, 1, 2, 3].map((j) => judges.reduce((sum, judge) => sum + judge.rank[j], 0));
    const order = [0, 1, 2, 3].sort((a, b) => sums[a] - sums[b] || a - b);
    return order.flatMap((a, x) =>
      order.slice(x + 1).flatMap((b) => (sums[a] < sums[b] ? [`${externalId}: ${a + 1} > ${b + 1}`] : [])),
    );
  });
  expect(pairs.every((p) => p.definition === "rank")).toBe(true);
  expect(
    pairs.map(
      (p) => `${p.external_id}: ${responses.indexOf(p.chosen) + 1} > ${responses.indexOf(p.rejected) + 1}`,
    ),
  ).toEqual(expected);
});
