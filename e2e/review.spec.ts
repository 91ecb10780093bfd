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

const TOXICITY = {
  key: "toxicity",
  title: "Toxicity",
  kind: "spans",
  textField: "comment",
  options: [
    { key: "insult", title: "Insult" },
    { key: "threat", title: "Threat" },
  ],
};
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

// The spans label "comment"; "title" comes first in the data, so a list showing the first text would show it.
const ITEMS: Record<string, { title: string; comment: string }> = {
  r1: { title: "Ticket one", comment: "You are an idiot and I will find you." },
  r2: { title: "Ticket two", comment: "Thanks, this fixed my problem." },
};
const span = (item: string, words: string, label: string) => {
  const start = ITEMS[item].comment.indexOf(words);
  return { start, end: start + words.length, label };
};

/** Per item, what each annotator says: r1 splits 2–1 on the spans and three ways on sentiment. */
const VOTES: Record<string, Record<string, unknown>[]> = {
  r1: [
    { toxicity: [span("r1", "idiot", "insult")], sentiment: "pos" },
    { toxicity: [span("r1", "idiot", "insult")], sentiment: "neg" },
    { toxicity: [span("r1", "find you", "threat")], sentiment: "neu" },
  ],
  r2: [
    { toxicity: [], sentiment: "pos" },
    { toxicity: [], sentiment: "pos" },
    { toxicity: [span("r2", "fixed", "insult")], sentiment: "pos" },
  ],
};

async function labelAll(baseURL: string, projectId: string, email: string, index: number) {
  const api = await apiAs(baseURL, await tokenFor(baseURL, email));
  await labelUntilDone(api, projectId, (externalId) => VOTES[externalId][index]);
  await api.dispose();
}

/** Two items labeled by three annotators; spans must be unanimous, so both wait for review. */
async function labeledProject(adminApi: APIRequestContext, baseURL: string) {
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Review"), overlap: 3 } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const member = (email: string, role: string) =>
    adminApi.post(`/api/v1/projects/${id}/members`, { data: { email, role } });
  expect((await member(DEMO.lead, "lead")).status()).toBe(201);
  const annotators: string[] = [];
  for (let i = 0; i < 3; i++) {
    const email = `${unique("reviewee")}@example.com`;
    const name = `Annotator with a rather long display name number ${i + 1}`;
    const user = await adminApi.post("/api/v1/users", { data: { email, name, password: DEMO_PASSWORD } });
    expect(user.status(), await user.text()).toBe(201);
    expect((await member(email, "annotator")).status()).toBe(201);
    annotators.push(email);
  }
  for (const definition of [TOXICITY, SENTIMENT]) {
    const res = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, { data: definition });
    expect(res.status(), await res.text()).toBe(201);
  }
  const rule = await adminApi.put(`/api/v1/projects/${id}/final-labels/rules/toxicity`, {
    data: { kind: "unanimous" },
  });
  expect(rule.status(), await rule.text()).toBe(200);
  const items = await adminApi.post(`/api/v1/projects/${id}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: Object.entries(ITEMS)
      .map(([externalId, data]) => JSON.stringify({ externalId, data }))
      .join("\n"),
  });
  expect(items.status(), await items.text()).toBe(201);
  for (const [i, email] of annotators.entries()) await labelAll(baseURL, id, email, i);
  return { id, annotators };
}

test("a lead adjudicates spans with the keyboard: majority, pick n, save all, next item", async ({
  adminApi,
  baseURL,
  page,
}) => {
  test.setTimeout(180_000);
  const { id } = await labeledProject(adminApi, baseURL!);
  await signIn(page, DEMO.lead);

  // The list shows the text the spans are on, named by its field, not the item's first field.
  await page.goto(`/projects/${id}/adjudication`);
  const queue = page.getByRole("table", { name: "Items waiting for a decision" });
  await expect(queue.getByRole("row")).toHaveCount(3);
  await expect(queue).toContainText(ITEMS.r1.comment);
  await expect(queue).toContainText("comment");
  await expect(queue).not.toContainText(ITEMS.r1.title);
  await expect(queue).toContainText("Insult “idiot” ×2");

  // Bulk accept previews before it saves: by hand, both items have a toxicity majority of 2 of 3.
  const bulk = page.getByRole("form", { name: "Bulk accept filter" });
  await bulk.getByLabel("Definition").selectOption("toxicity");
  await bulk.getByRole("button", { name: "Preview" }).click();
  const bulkPreview = page.getByRole("region", { name: "Bulk accept preview" });
  await expect(bulkPreview).toContainText("2 items would take their majority value.");
  await expect(bulkPreview.getByRole("listitem")).toHaveText([
    /Insult “idiot” \(2 of 3\)$/,
    /no spans \(2 of 3\)$/,
  ]);
  await expect(bulkPreview.getByRole("button", { name: "Accept 2 majority values" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "review-queue");

  await queue
    .getByRole("link", { name: /Review item/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: /^Item #/ })).toBeVisible();
  const url = page.url();
  const toxicity = page.getByRole("region", { name: /^Toxicity/ });
  const sentiment = page.getByRole("region", { name: /^Sentiment/ });

  // Every annotation's spans drawn on the comment, quoted, with the annotator's full name.
  const annotations = toxicity.getByRole("list", { name: "Annotations of Toxicity" }).getByRole("listitem", {
    name: /^Annotation \d/,
  });
  await expect(annotations).toHaveCount(3);
  await expect(annotations.nth(0).locator("[data-cover]")).toHaveText("idiot");
  await expect(annotations.nth(0).getByRole("list", { name: "Marked spans" })).toHaveText("Insult “idiot”");
  await expect(annotations.nth(2).getByRole("list", { name: "Marked spans" })).toHaveText(
    "Threat “find you”",
  );
  await expect(annotations.nth(0)).toContainText("Annotator with a rather long display name number 1");
  await expect(annotations.nth(0).getByText("majority", { exact: true })).toBeVisible();
  await expect(annotations.nth(2).getByText("majority", { exact: true })).toHaveCount(0);
  await expect(toxicity).not.toContainText("[");

  // Prefilled with the majority (2 of 3); the three-way tie on sentiment leaves its editor empty.
  const editor = toxicity.getByRole("group", { name: "Toxicity" });
  await expect(toxicity.getByText("majority (2 of 3)")).toBeVisible();
  await expect(editor.getByRole("button", { name: /^Remove Insult: “idiot”/ })).toBeVisible();
  await expect(sentiment).toContainText("No majority: the top answers tie.");
  const sentimentEditor = sentiment.getByRole("group", { name: "Sentiment" });
  await expect(sentimentEditor.getByRole("button", { pressed: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toContainText(
    "accept the majority value",
  );
  await expectAccessible(page);
  await screenshot(page, "review-item");

  // 3 takes the third annotation, A goes back to the majority.
  await page.keyboard.press("3");
  await expect(editor.getByRole("button", { name: /^Remove Threat: “find you”/ })).toBeVisible();
  await expect(toxicity.getByText("majority (2 of 3)")).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(editor.getByRole("button", { name: /^Remove Insult: “idiot”/ })).toBeVisible();
  await expect(toxicity.getByText("majority (2 of 3)")).toBeVisible();

  // ↓ moves to sentiment; 2 takes annotation 2 (Negative).
  await page.keyboard.press("ArrowDown");
  await expect(sentiment.getByText("Keys active")).toBeVisible();
  await page.keyboard.press("2");
  await expect(sentimentEditor.getByRole("button", { name: /Negative/, pressed: true })).toBeVisible();

  // Typing in the note fires nothing: no pick, no majority, no next item.
  const note = sentiment.getByLabel("Note (optional)");
  await note.click();
  await page.keyboard.type("a 1 n j sarcasm");
  await expect(note).toHaveValue("a 1 n j sarcasm");
  await expect(sentimentEditor.getByRole("button", { name: /Negative/, pressed: true })).toBeVisible();
  expect(page.url()).toBe(url);

  // Ctrl+Enter saves both definitions in one request.
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/decisions") && r.request().method() === "POST",
  );
  await page.keyboard.press("Control+Enter");
  expect((await saved).status()).toBe(201);
  await expect(page.getByRole("status").filter({ hasText: "Saved 2 decisions." })).toBeVisible();
  await expect(toxicity.getByText("decided: Insult “idiot”")).toBeVisible();
  await expect(sentiment.getByText("decided: Negative")).toBeVisible();
  await expect(sentiment.getByText("“a 1 n j sarcasm”")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "review-saved");

  // N (here J) opens the next unresolved item; its majority is "no spans", saved as it stands.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(url);
  await expect(page.getByRole("region", { name: /^Toxicity/ }).getByText("majority (2 of 3)")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved 1 decision." })).toBeVisible();
  await expect(page.getByText("decided: no spans")).toBeVisible();

  await page.goto(`/projects/${id}/adjudication`);
  await expect(page.getByText("Nothing to review")).toBeVisible();
});
