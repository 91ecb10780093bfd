import type { Page } from "@playwright/test";
import {
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

const itemHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Item / });
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

test("an annotator ranks four responses with a tie and scores a rubric by keyboard only, at desktop and phone widths", async ({
  adminApi,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const project = await adminApi.post("/api/v1/projects", { data: { name: unique("Feedback"), overlap: 1 } });
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
    data: ["f1", "f2"].map((externalId, i) => JSON.stringify(record(externalId, i))).join("\n"),
  });
  expect(items.ok(), await items.text()).toBe(true);
  const email = `${unique("ranker")}@example.com`;
  const user = await adminApi.post("/api/v1/users", {
    data: { email, name: "Ranker", password: DEMO_PASSWORD },
  });
  expect(user.status(), await user.text()).toBe(201);
  const member = await adminApi.post(`/api/v1/projects/${projectId}/members`, {
    data: { email, role: "annotator" },
  });
  expect(member.status(), await member.text()).toBe(201);

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
