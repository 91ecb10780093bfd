import type { APIRequestContext } from "@playwright/test";
import {
  DEMO,
  apiAs,
  expect,
  expectAccessible,
  screenshot,
  signIn,
  test,
  tokenFor,
  unique,
} from "./fixtures";

const PASSWORD = "campaign-e2e-password";
const sentiment = (options: string[]) => ({
  key: "sentiment",
  kind: "single_choice",
  title: "Sentiment",
  options: options.map((key) => ({ key })),
});

/** Twelve items whose three imported labels all say `value`: a batch the drift report compares. */
const batch = (prefix: string, value: string) =>
  Array.from({ length: 12 }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    data: { text: `${prefix} sentence ${i}` },
    annotations: ["w1", "w2", "w3"].map((annotator) => ({ annotator, values: { sentiment: value } })),
  }));

async function ok(
  response: Awaited<ReturnType<APIRequestContext["post"]>>,
  status: number,
): Promise<{ id: string }> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as { id: string };
}

// A long story (a lead, two annotators, eleven relabels): it took 57.5 s of the default 60 s on CI.
test.describe.configure({ timeout: 180_000 });

test("from a drift flag to a relabel campaign; an annotator flags an item by keyboard; transitions and campaign pages", async ({
  page,
  browser,
  baseURL,
  adminApi,
}) => {
  const project = await ok(
    await adminApi.post("/api/v1/projects", { data: { name: unique("Campaigns e2e"), overlap: 3 } }),
    201,
  );
  const relabeler = { email: `${unique("relabeler")}@example.test`, name: "Relabeler" };
  await ok(await adminApi.post("/api/v1/users", { data: { ...relabeler, password: PASSWORD } }), 201);
  for (const [email, role] of [
    [DEMO.lead, "lead"],
    [DEMO.annotator, "annotator"],
    [relabeler.email, "annotator"],
  ]) {
    await ok(await adminApi.post(`/api/v1/projects/${project.id}/members`, { data: { email, role } }), 201);
  }
  const lead = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  await ok(
    await lead.post(`/api/v1/projects/${project.id}/label-definitions`, {
      data: sentiment(["pos", "neg", "neu"]),
    }),
    201,
  );
  await ok(await lead.post(`/api/v1/projects/${project.id}/items`, { data: batch("calm", "pos") }), 201);
  await ok(await lead.post(`/api/v1/projects/${project.id}/items`, { data: batch("storm", "neg") }), 201);
  // A breaking version 2: "neu" is gone, "mixed" is new.
  await ok(
    await lead.put(`/api/v1/projects/${project.id}/label-definitions/sentiment`, {
      data: sentiment(["pos", "neg", "mixed"]),
    }),
    200,
  );

  // The lead: agreement page, the flagged batch's "Relabel" link, "Start campaign".
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/agreement`);
  await expect(page.getByRole("heading", { name: /Label drift · 1 flagged/ })).toBeVisible();
  await page
    .getByRole("link", { name: /^Relabel / })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "New relabel campaign" })).toBeVisible();
  await page.getByLabel("Annotators per item").fill("1");
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByRole("heading", { name: /^Relabel batch/ })).toBeVisible();
  await expect(page.getByText(/Relabels “sentiment” toward version 2 \(from version 1\)/)).toBeVisible();
  const campaignUrl = page.url();

  // The annotator is served a campaign item and flags it without leaving the keyboard.
  const annotatorContext = await browser.newContext();
  const annotatorPage = await annotatorContext.newPage();
  await signIn(annotatorPage, DEMO.annotator);
  await annotatorPage.goto(`/projects/${project.id}/queue`);
  await expect(annotatorPage.getByText(/Relabel campaign “Relabel batch/)).toBeVisible();
  await annotatorPage.keyboard.press("Alt+KeyF");
  const dialog = annotatorPage.getByRole("dialog", { name: "Flag this item for a lead" });
  await expect(dialog).toBeVisible();
  await annotatorPage.keyboard.press("Alt+3");
  await annotatorPage.keyboard.type("Is a storm warning negative?");
  await annotatorPage.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(annotatorPage.getByText("Flag sent", { exact: false })).toBeVisible();
  await expect(annotatorPage.getByText("Waiting for an answer")).toBeVisible();

  // Another annotator relabels the other eleven items through the API: storms are "mixed" or "neg".
  const relabel = await apiAs(baseURL!, await tokenFor(baseURL!, relabeler.email, PASSWORD));
  let relabeled = 0;
  for (;;) {
    const next = await relabel.post(`/api/v1/projects/${project.id}/queue/next`);
    if (next.status() === 204) break;
    const served = (await next.json()) as { assignmentId: string; item: { externalId: string } };
    const value = Number(served.item.externalId.split("-")[1]) % 3 === 0 ? "neg" : "mixed";
    await ok(
      await relabel.post(`/api/v1/assignments/${served.assignmentId}/submit`, {
        data: { values: { sentiment: value } },
      }),
      201,
    );
    relabeled += 1;
  }
  expect(relabeled).toBe(11);

  // The campaign page: progress and the transitions of its items (the annotator in the browser holds storm-0; of storm-1..11, 3, 6 and 9 stay "neg", 8 flip to "mixed").
  await page.goto(campaignUrl);
  await expect(page.getByText("11 / 12").first()).toBeVisible();
  await expect(
    page.getByText(/11 items have a final label under both version 1 and version 2; 8 of them flipped/),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "campaign");

  await page.goto(`/projects/${project.id}/transitions/sentiment?from=1&to=2`);
  await expect(page.getByRole("table", { name: /Version 1 \(rows\) → version 2/ })).toBeVisible();
  await expect(page.getByText(/8 of them flipped/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "transitions");

  // The lead answers the flag; the answer reaches the annotator's workspace.
  await page.goto(`/projects/${project.id}/flags`);
  await expect(page.getByText("“Is a storm warning negative?”")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Answer").fill("Yes: a warning is negative.");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByRole("heading", { name: "Answered (1)" })).toBeVisible();
  await screenshot(page, "flags");
  await annotatorPage.reload();
  await expect(annotatorPage.getByText("Yes: a warning is negative.")).toBeVisible();
  await expectAccessible(annotatorPage);
  await screenshot(annotatorPage, "workspace-flag-answer");

  await annotatorContext.close();
  await lead.dispose();
  await relabel.dispose();
});
