import type { Locator } from "@playwright/test";
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

// Several pages and a sign-in per test, on a shared machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

type TApi = Awaited<ReturnType<typeof apiAs>>;

/**
 * Chooses an option and returns what the select shows once the page has handled the change, before
 * any timer runs: what the next frame paints. A select waiting for its mutation's state (which React
 * hears of a tick later) shows the old value here, and a check made in that tick reads the old value.
 */
async function chooseAndReadAtOnce(select: Locator, value: string) {
  await select.evaluate((el) => {
    const shown = () => el.setAttribute("data-shown-at-once", (el as HTMLSelectElement).value);
    window.addEventListener("change", () => queueMicrotask(shown), { once: true });
  });
  await select.selectOption(value);
  return select.getAttribute("data-shown-at-once");
}

async function newProject(adminApi: TApi, overlap = 1) {
  const created = await adminApi.post("/api/v1/projects", {
    data: { name: unique("People"), overlap, leadEmail: DEMO.lead },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; name: string };
}

test("a lead invites by link; the invitee sets a name and password, once, and lands in the project", async ({
  page,
  browser,
  adminApi,
}) => {
  const project = await newProject(adminApi);
  await signIn(page, DEMO.lead);
  // The lead may not create projects, and the projects page says why.
  await expect(page.getByText("You lead projects but cannot create them")).toBeVisible();
  await page.goto(`/projects/${project.id}/members`);
  const email = `${unique("invitee")}@example.com`;
  await page.getByLabel("Email to invite").fill(email);
  await page.getByRole("button", { name: "Make invitation link" }).click();
  const link = await page.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/inv_/);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(
    invitePage.getByRole("heading", { name: `You are invited to ${project.name} as annotator` }),
  ).toBeVisible();
  await expectAccessible(invitePage);
  await invitePage.getByLabel("Your name").fill("Ines Invitee");
  await invitePage.getByLabel("Choose a password").fill("a long passphrase");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(invitePage.getByRole("heading", { name: project.name })).toBeVisible();
  await invitee.close();

  // Used once: a second visit is refused.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(againPage.getByText("used or has expired")).toBeVisible();
  await again.close();
  await page.reload();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
});

test("members: search, paging, role change, removal; users: rights and disabling (1440 px)", async ({
  page,
  adminApi,
  baseURL,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const project = await newProject(adminApi);
  const tag = unique("crowd");
  const lines = Array.from(
    { length: 60 },
    (_, i) => `${tag}-${String(i).padStart(2, "0")}@example.com,Worker ${i} ${tag},annotator`,
  );
  const imported = await adminApi.post("/api/v1/users/import", {
    data: { csv: `email,name,role\n${lines.join("\n")}\n`, projectId: project.id, credentials: "passwords" },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const { created } = (await imported.json()) as { created: { email: string; password: string }[] };

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/members`);
  await expect(page.getByText("Showing 1–50 of 61")).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Showing 51–61 of 61")).toBeVisible();
  await page.getByLabel("Search members by name or email").fill(`${tag}-07`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
  await expect(page.getByText("1 member matching")).toBeVisible();
  const worker7 = page.getByLabel(`Role of Worker 7 ${tag}`);
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH");
  expect(await chooseAndReadAtOnce(worker7, "engineer")).toBe("engineer");
  expect((await patched).status()).toBe(200);
  await expect(worker7).toHaveValue("engineer");
  const leadApi = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  const listed = await leadApi.get(`/api/v1/projects/${project.id}/members?q=${tag}-07`);
  expect(((await listed.json()) as { members: { role: string }[] }).members[0].role).toBe("engineer");
  await page.goto(`/projects/${project.id}/members`);
  await expectAccessible(page);
  await screenshot(page, "members");

  await page.getByLabel("Search members by name or email").fill(`${tag}-08`);
  await page.getByRole("button", { name: "Search" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove Worker 8 ${tag} from the project` }).click();
  await expect(page.getByText("0 members matching")).toBeVisible();

  // The last lead stepping down is refused: the select shows the choice at once, then the lead role
  // again with the server's reason; a second try after the refusal shows its choice at once too.
  await page.getByLabel("Search members by name or email").fill(DEMO.lead);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
  const lead = page.getByLabel("Role of Lea Lead");
  for (const role of ["annotator", "engineer"]) {
    expect(await chooseAndReadAtOnce(lead, role)).toBe(role);
    await expect(lead).toHaveValue("lead");
    await expect(page.getByText("The project would be left without a lead")).toBeVisible();
  }
  await screenshot(page, "members-refused");

  // The admin's users page: a search, the right to create projects, and disabling. In a browser of
  // the admin's own: signing the demo lead out here would end their sessions everywhere, in the
  // tests running beside this one too (signing out ends all of a user's sessions).
  const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto(`/admin/users?q=${tag}`);
  await expect(adminPage.getByText("Showing 1–50 of 60")).toBeVisible();
  await expectAccessible(adminPage);
  await screenshot(adminPage, "users");
  await adminPage.getByLabel(`Search users by name or email`).fill(`${tag}-09`);
  await adminPage.getByRole("button", { name: "Search" }).click();
  // The search's page first: the row of the first page is replaced by the search's own, and a tick
  // made on the old one would be lost with it.
  await expect(adminPage.getByText("Showing 1–1 of 1")).toBeVisible();
  await expect(adminPage.getByText(`1 user matching “${tag}-09”`)).toBeVisible();
  await adminPage.getByLabel(`Worker 9 ${tag} may create projects`).check();
  await expect(adminPage.getByLabel(`Worker 9 ${tag} may create projects`)).toBeChecked();
  await adminPage.getByRole("button", { name: `Disable Worker 9 ${tag}` }).click();
  await expect(adminPage.getByRole("button", { name: `Enable Worker 9 ${tag}` })).toBeVisible();
  await expect(adminPage.getByText("disabled", { exact: true })).toBeVisible();
  const disabled = created.find((u) => u.email === `${tag}-09@example.com`)!;
  const refused = await adminApi.post("/api/v1/auth/token", {
    data: { email: disabled.email, password: disabled.password, name: "x" },
  });
  expect(refused.status()).toBe(401);
  await adminContext.close();
});

test("a batch reserved for a named annotator is served to them only", async ({ page, adminApi, baseURL }) => {
  const project = await newProject(adminApi);
  const named = { email: `${unique("named")}@example.com`, password: "a long passphrase" };
  expect((await adminApi.post("/api/v1/users", { data: { ...named, name: "Nadia Named" } })).status()).toBe(
    201,
  );
  for (const [email, role] of [
    [named.email, "annotator"],
    [DEMO.annotator, "annotator"],
  ]) {
    const added = await adminApi.post(`/api/v1/projects/${project.id}/members`, { data: { email, role } });
    expect(added.status()).toBe(201);
  }
  const leadApi = await apiAs(baseURL!, await tokenFor(baseURL!, DEMO.lead));
  await leadApi.post(`/api/v1/projects/${project.id}/label-definitions`, {
    data: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
  });
  for (const batch of ["reserved", "open"]) {
    const body = [1, 2, 3].map((n) =>
      JSON.stringify({ externalId: `${batch}-${n}`, data: { text: `${batch} ${n}` } }),
    );
    const res = await leadApi.post(`/api/v1/projects/${project.id}/items?name=${batch}`, {
      data: body.join("\n"),
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${project.id}/members`);
  await page.getByLabel("Annotators (emails, one per line)").fill(named.email);
  await page.getByLabel("Batch", { exact: true }).selectOption({ label: "reserved (3 items)" });
  await page.getByRole("button", { name: "Reserve for these annotators" }).click();
  await expect(page.getByText("3 items are reserved: Nadia Named (3).")).toBeVisible();
  await expectAccessible(page);

  async function claimAll(email: string, password?: string) {
    const api = await apiAs(baseURL!, await tokenFor(baseURL!, email, password));
    const served: string[] = [];
    for (;;) {
      const next = await api.post(`/api/v1/projects/${project.id}/queue/next`);
      if (next.status() === 204) return served;
      expect(next.status()).toBe(200);
      const body = (await next.json()) as { assignmentId: string; item: { externalId: string } };
      served.push(body.item.externalId);
      const submitted = await api.post(`/api/v1/assignments/${body.assignmentId}/submit`, {
        data: { values: { sentiment: "pos" } },
      });
      expect(submitted.status()).toBe(201);
    }
  }
  expect((await claimAll(DEMO.annotator)).sort()).toEqual(["open-1", "open-2", "open-3"]);
  expect((await claimAll(named.email, named.password)).sort()).toEqual([
    "reserved-1",
    "reserved-2",
    "reserved-3",
  ]);
});
