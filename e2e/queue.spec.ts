import type { APIRequestContext, Page } from "@playwright/test";
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
    key: "sentiment",
    title: "Sentiment",
    kind: "single_choice",
    options: [
      { key: "pos", title: "Positive" },
      { key: "neg", title: "Negative" },
    ],
    guidelines:
      "Judge the **author’s** tone.\n\n- Sarcasm counts as negative\n- Mixed: pick the stronger one\n" +
      "  - Tie: neutral\n\n| cue | label |\n|---|---|\n| “loved it” | Positive |",
  },
  {
    key: "topics",
    title: "Topics",
    kind: "multi_choice",
    options: [
      { key: "science", title: "Science" },
      { key: "history", title: "History" },
      { key: "sport", title: "Sport" },
    ],
  },
  {
    key: "stars",
    title: "Quality",
    kind: "rating",
    min: 1,
    max: 5,
    labels: { "1": "Poor", "5": "Excellent" },
  },
  {
    key: "ents",
    title: "Entities",
    kind: "spans",
    textField: "text",
    options: [
      { key: "PER", title: "Person" },
      { key: "ORG", title: "Organisation" },
    ],
    guidelines: "Mark full names of people; leave titles out.",
  },
  { key: "better", title: "Better summary", kind: "pairwise" },
  { key: "note", title: "Note", kind: "free_text", required: false },
];

const EXTERNAL_IDS = ["w1", "w2", "w3", "w4", "w5", "w6"];

function record(externalId: string, index: number) {
  return {
    externalId,
    data: {
      text: `Ada Lovelace wrote the first program (${index + 1}). She worked with Charles Babbage in London.`,
      a: `Summary A${index + 1}: Lovelace published notes on the Analytical Engine.`,
      b: `Summary B${index + 1}: Babbage designed an engine; Lovelace saw what it could do.`,
    },
    ...(index === 0 ? { predictions: { sentiment: "neg", stars: 3 } } : {}),
  };
}

async function createAnnotator(adminApi: APIRequestContext, projectId: string, name: string) {
  const email = `${unique(name)}@example.com`;
  const user = await adminApi.post("/api/v1/users", { data: { email, name, password: DEMO_PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  const member = await adminApi.post(`/api/v1/projects/${projectId}/members`, {
    data: { email, role: "annotator" },
  });
  expect(member.status(), await member.text()).toBe(201);
  return email;
}

async function createProject(
  adminApi: APIRequestContext,
  { definitions = DEFINITIONS, externalIds = EXTERNAL_IDS, leaseSeconds = 900, overlap = 2 } = {},
) {
  const project = await adminApi.post("/api/v1/projects", {
    data: { name: unique("Workspace"), overlap, leaseSeconds },
  });
  expect(project.status(), await project.text()).toBe(201);
  const { id } = (await project.json()) as { id: string };
  for (const definition of definitions) {
    const created = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, { data: definition });
    expect(created.status(), await created.text()).toBe(201);
  }
  const items = await adminApi.post(`/api/v1/projects/${id}/items`, {
    headers: { "content-type": "application/x-ndjson" },
    data: externalIds.map((externalId, i) => JSON.stringify(record(externalId, i))).join("\n"),
  });
  expect(items.ok(), await items.text()).toBe(true);
  return id;
}

const itemHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Item / });
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

/** Milliseconds from the next key press to the item heading showing another item (measured in the page). */
async function armSwitchTimer(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __switchMs?: number };
    w.__switchMs = undefined;
    const before = document.getElementById("item-title")?.textContent;
    let pressedAt = 0;
    window.addEventListener("keydown", () => (pressedAt = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const now = document.getElementById("item-title")?.textContent;
      if (pressedAt && now !== before) {
        w.__switchMs = performance.now() - pressedAt;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const readSwitchTimer = (page: Page) =>
  page.evaluate(() => (window as unknown as { __switchMs?: number }).__switchMs ?? null);

/** Answers all six definitions of the item on screen with the keyboard only, then submits. */
async function labelWithKeyboard(page: Page, index: number, beforeSubmit?: () => Promise<void>) {
  const keyboard = page.keyboard;
  await keyboard.press("1"); // Sentiment: Positive
  await keyboard.press("Tab");
  await keyboard.press("1"); // Topics: Science…
  await keyboard.press("2"); // …and History
  await keyboard.press("Tab");
  await keyboard.press(String(index + 1)); // Quality: 1..5
  await keyboard.press("Tab"); // Entities: focus goes into the text
  for (let i = 0; i < "Ada Lovelace".length; i++) await keyboard.press("Shift+ArrowRight");
  await keyboard.press("1"); // Person
  await keyboard.press("Tab");
  await keyboard.press(index % 2 === 0 ? "a" : "b"); // Better summary
  await keyboard.press("Tab"); // Note: focus goes into the text box
  await keyboard.type(`note ${index + 1}`);
  await beforeSubmit?.();
  await armSwitchTimer(page);
  await keyboard.press("Control+Enter");
}

test("an annotator labels five items with all six kinds by keyboard, changes one, and a second annotator gets the right items", async ({
  adminApi,
  baseURL,
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const projectId = await createProject(adminApi);
  const annotatorA = await createAnnotator(adminApi, projectId, "annotator-a");
  const annotatorB = await createAnnotator(adminApi, projectId, "annotator-b");

  // The annotator's first stop, the project overview, leads to the workspace.
  await signIn(page, annotatorA);
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole("link", { name: "Label", exact: true })).toBeVisible();
  await screenshot(page, "workspace-project-overview");
  await page.getByRole("link", { name: /Start labeling/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/queue$`));

  // The first item, with the model's suggestion and the guidelines of the served version.
  await expect(itemHeading(page)).toHaveText("Item w1");
  await expect(group(page, "Sentiment")).toContainText("Model suggests: Negative");
  await expect(page.getByRole("complementary")).toContainText("Sarcasm counts as negative");
  // Guidelines are GitHub Markdown: the table and the nested list render as such.
  await expect(page.getByRole("complementary").getByRole("cell", { name: "“loved it”" })).toBeVisible();
  await expect(page.getByRole("complementary").getByRole("listitem").getByRole("list")).toHaveText(
    "Tie: neutral",
  );
  await expect(group(page, "Sentiment")).toBeFocused();
  await screenshot(page, "workspace-item");
  await expectAccessible(page);

  // Enter on an unanswered item does not submit: it says why and focuses the first question to fix.
  await page.keyboard.press("Enter");
  await expect(group(page, "Sentiment")).toBeFocused();
  await expect(page.getByText("Choose one option.")).toBeVisible();
  await expect(page.getByText("Choose A, B or Tie.")).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("Not saved yet");
  await expect(itemHeading(page)).toHaveText("Item w1");
  await screenshot(page, "workspace-invalid");

  // The shortcuts list opens with ? and closes with Esc.
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await screenshot(page, "workspace-shortcuts");
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  const switchTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await expect(itemHeading(page)).toHaveText(`Item ${EXTERNAL_IDS[i]}`);
    await expect(group(page, "Sentiment")).toBeFocused();
    await labelWithKeyboard(page, i, async () => {
      if (i === 2) await screenshot(page, "workspace-answered");
    });
    await expect(itemHeading(page)).toHaveText(`Item ${EXTERNAL_IDS[i + 1]}`);
    await expect(page.getByRole("status").first()).toContainText("Saved.");
    const ms = await readSwitchTimer(page);
    if (ms !== null) switchTimes.push(Math.round(ms));
  }
  test.info().annotations.push({ type: "submit-to-next ms", description: switchTimes.join(", ") });
  expect(switchTimes).toHaveLength(5);
  // The typical switch is under a second; one switch may wait on a busy CI machine (two Playwright
  // workers and the server share 2 cores), so the median holds the line and no switch may take 3 s.
  // The queue's speed itself is measured by `npm run bench:queue`, not here.
  const sorted = [...switchTimes].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1000);
  for (const ms of switchTimes) expect(ms).toBeLessThan(3000);
  await expect(page.getByRole("group", { name: "Your progress" })).toContainText(/Done in project\s*5/);

  // Back twice ([ [) to w4, change its rating, save with Enter: back on the current item.
  await page.keyboard.press("[");
  await expect(itemHeading(page)).toHaveText("Item w5");
  await expect(group(page, "Quality").getByRole("button", { pressed: true })).toContainText("5");
  await page.keyboard.press("[");
  await expect(itemHeading(page)).toHaveText("Item w4");
  await expect(page.getByText("You are changing an earlier answer.")).toBeVisible();
  await expect(group(page, "Quality").getByRole("button", { pressed: true })).toContainText("4");
  await expect(group(page, "Note").getByRole("textbox")).toHaveValue("note 4");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(group(page, "Quality")).toBeFocused();
  await page.keyboard.press("2");
  await screenshot(page, "workspace-review");
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(itemHeading(page)).toHaveText("Item w6");
  await expect(page.getByRole("status").first()).toContainText("Changes saved");

  // The change is stored as the current value.
  const apiA = await apiAs(baseURL!, await tokenFor(baseURL!, annotatorA));
  const mine = (await (await apiA.get(`/api/v1/projects/${projectId}/my/assignments`)).json()) as {
    assignments: { assignmentId: string; externalId: string }[];
  };
  expect(mine.assignments.map((a) => a.externalId)).toEqual(["w5", "w4", "w3", "w2", "w1"]);
  const w4 = mine.assignments.find((a) => a.externalId === "w4")!;
  const detail = (await (await apiA.get(`/api/v1/assignments/${w4.assignmentId}`)).json()) as {
    values: Record<string, unknown>;
  };
  expect(detail.values).toMatchObject({
    sentiment: "pos",
    topics: ["science", "history"],
    stars: 2,
    ents: [{ start: 0, end: 12, label: "PER" }],
    better: "B",
    note: "note 4",
  });
  await apiA.dispose();

  // Skip the last item (nothing answered, so one press): the queue is done for this annotator.
  await page.keyboard.press("]");
  await expect(page.getByRole("heading", { name: "You’re all caught up" })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("Skipped.");
  await screenshot(page, "workspace-done");
  await expectAccessible(page);

  // The second annotator starts with the items already started, sees none of the first one's labels…
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await signIn(pageB, annotatorB);
  await pageB.goto(`/projects/${projectId}/queue`);
  await expect(itemHeading(pageB)).toHaveText("Item w1");
  for (const name of ["Sentiment", "Topics", "Quality", "Better summary"]) {
    await expect(group(pageB, name).getByRole("button", { pressed: true })).toHaveCount(0);
  }
  await expect(group(pageB, "Note").getByRole("textbox")).toHaveValue("");
  await screenshot(pageB, "workspace-second-annotator");
  await contextB.close();

  // …and gets each item once, the one the first annotator skipped included, then nothing more.
  const apiB = await apiAs(baseURL!, await tokenFor(baseURL!, annotatorB));
  const servedToB: string[] = [];
  for (let guard = 0; guard < 10; guard++) {
    const next = await apiB.post(`/api/v1/projects/${projectId}/queue/next`);
    if (next.status() === 204) break;
    expect(next.status(), await next.text()).toBe(200);
    const { assignmentId, item } = (await next.json()) as {
      assignmentId: string;
      item: { externalId: string };
    };
    servedToB.push(item.externalId);
    const submitted = await apiB.post(`/api/v1/assignments/${assignmentId}/submit`, {
      data: {
        values: { sentiment: "neg", topics: [], stars: 3, ents: [], better: "tie", note: null },
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(201);
  }
  expect(servedToB).toEqual(EXTERNAL_IDS);
  await apiB.dispose();
});

test("an expired lease still submits while the slot is free, and says clearly when the item was reassigned", async ({
  adminApi,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const oneQuestion = { definitions: DEFINITIONS.slice(0, 1), overlap: 1, leaseSeconds: 30 };
  const keptProject = await createProject(adminApi, { ...oneQuestion, externalIds: ["k1", "k2"] });
  const lostProject = await createProject(adminApi, { ...oneQuestion, externalIds: ["l1"] });
  const annotator = await createAnnotator(adminApi, keptProject, "sleepy");
  const member = await adminApi.post(`/api/v1/projects/${lostProject}/members`, {
    data: { email: annotator, role: "annotator" },
  });
  expect(member.status(), await member.text()).toBe(201);
  const other = await createAnnotator(adminApi, lostProject, "other");

  await signIn(page, annotator);
  const lostPage = await page.context().newPage();
  await page.goto(`/projects/${keptProject}/queue`);
  await expect(itemHeading(page)).toHaveText("Item k1");
  await lostPage.goto(`/projects/${lostProject}/queue`);
  await expect(itemHeading(lostPage)).toHaveText("Item l1");
  // A reload brings back the same leased item rather than burning another one.
  await page.reload();
  await expect(itemHeading(page)).toHaveText("Item k1");

  // Both leases run out while the annotator is away; in one project someone else takes the item.
  await expect(page.getByText(/Your reservation ended at/)).toBeVisible({ timeout: 45_000 });
  await expect(lostPage.getByText(/Your reservation ended at/)).toBeVisible({ timeout: 15_000 });
  const otherApi = await apiAs(baseURL!, await tokenFor(baseURL!, other));
  const taken = await otherApi.post(`/api/v1/projects/${lostProject}/queue/next`);
  expect(taken.status(), await taken.text()).toBe(200);
  expect(((await taken.json()) as { item: { externalId: string } }).item.externalId).toBe("l1");
  await otherApi.dispose();

  // Where the slot is still free, the late answer counts.
  await page.bringToFront();
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(itemHeading(page)).toHaveText("Item k2");
  await expect(page.getByRole("status").first()).toContainText("Saved.");

  // Where it was taken, nothing is stored and the annotator is told why, then moves on.
  await lostPage.bringToFront();
  await lostPage.keyboard.press("2");
  await lostPage.keyboard.press("Enter");
  await expect(lostPage.getByText(/This item was reassigned because your lease expired/)).toBeVisible();
  await expect(lostPage.getByRole("heading", { name: "You’re all caught up" })).toBeVisible();
  await screenshot(lostPage, "workspace-lease-lost");
  await expectAccessible(lostPage);
});

test("the caught-up screen keeps checking: it says others hold the item, and serves it once it is given back", async ({
  adminApi,
  baseURL,
  page,
}) => {
  const projectId = await createProject(adminApi, {
    definitions: DEFINITIONS.slice(0, 1),
    externalIds: ["c1"],
    overlap: 1,
  });
  const annotator = await createAnnotator(adminApi, projectId, "waiting");
  const other = await createAnnotator(adminApi, projectId, "holder");
  const otherApi = await apiAs(baseURL!, await tokenFor(baseURL!, other));
  const held = await otherApi.post(`/api/v1/projects/${projectId}/queue/next`);
  expect(held.status(), await held.text()).toBe(200);
  const { assignmentId } = (await held.json()) as { assignmentId: string };

  await signIn(page, annotator);
  await page.goto(`/projects/${projectId}/queue`);
  await expect(page.getByRole("heading", { name: "You’re all caught up" })).toBeVisible();
  await expect(
    page.getByText("1 item is being labeled by someone else right now.", { exact: false }),
  ).toBeVisible();
  await expect(
    page.getByText(/Checking again when that lease ends \(at .+\), and every 30 s meanwhile/),
  ).toBeVisible();
  await screenshot(page, "workspace-caught-up-leased");
  await expectAccessible(page);

  // The other annotator gives the item back; coming back to the tab asks at once.
  const skipped = await otherApi.post(`/api/v1/assignments/${assignmentId}/skip`);
  expect(skipped.status(), await skipped.text()).toBe(200);
  await otherApi.dispose();
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(itemHeading(page)).toHaveText("Item c1");

  // Done with it, the screen says it keeps checking for new items.
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "You’re all caught up" })).toBeVisible();
  await expect(
    page.getByText("Checking for new items every 30 s and when you come back to this tab."),
  ).toBeVisible();
  await screenshot(page, "workspace-caught-up-done");
});
