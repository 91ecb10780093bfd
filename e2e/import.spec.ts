import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, screenshot, signIn, test, unique } from "./fixtures";

const SECRET = "GOLD-SECRET";
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

/** A project of overlap 1 with a `sentiment` choice, the demo lead and the demo annotator. */
async function newProject(adminApi: APIRequestContext, name: string): Promise<string> {
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique(name), overlap: 1 } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const [email, role] of [
    [DEMO.lead, "lead"],
    [DEMO.annotator, "annotator"],
  ]) {
    const member = await adminApi.post(`/api/v1/projects/${id}/members`, { data: { email, role } });
    expect(member.status(), await member.text()).toBe(201);
  }
  const definition = await adminApi.post(`/api/v1/projects/${id}/label-definitions`, {
    data: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
  });
  expect(definition.status(), await definition.text()).toBe(201);
  return id;
}

async function openImport(page: Page, id: string) {
  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${id}/import`);
  await expect(page.getByRole("heading", { name: "Import items" })).toBeVisible();
}

/** The table row of one field of the mapping. */
const fieldRow = (page: Page, path: string) =>
  page.getByRole("row").filter({ has: page.getByText(path, { exact: true }) });

test("a lead maps a nested JSONL: a rename, a nested path, a hidden field that annotators never see", async ({
  page,
  browser,
  adminApi,
}) => {
  // Two browsers and a queue on a loaded two-core machine: more than the default minute.
  test.setTimeout(180_000);
  const id = await newProject(adminApi, "Nested");
  const records = [1, 2, 3].map((n) => ({
    id: `n${n}`,
    body: `The parcel never came (${n})`,
    gold: `${SECRET}-${n}`,
    meta: { source: n === 2 ? "chat" : "email", lang: "en" },
  }));
  await openImport(page, id);
  await page.getByLabel(/^File/).setInputFiles({
    name: "nested.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(jsonl(records)),
  });
  await expect(page.getByText("First 3 records")).toBeVisible();
  await expect(page.getByLabel("Format")).toHaveValue("concord");
  await expect(page.getByLabel("External id field")).toHaveValue("id");
  // The nested fields are found and offered, left out until chosen.
  await expect(page.getByLabel("meta.source")).not.toBeChecked();
  await fieldRow(page, "body").getByLabel("Name in the item").fill("text");
  await page.getByLabel("meta", { exact: true }).uncheck();
  await page.getByLabel("meta.source").check();
  await expect(fieldRow(page, "meta.source").getByLabel("Name in the item")).toHaveValue("source");
  await fieldRow(page, "gold").getByLabel("Hide").check();

  const asSeen = page.getByRole("region", { name: "The first item as annotators will see it" });
  await expect(asSeen.locator("dt")).toHaveText(["text", "source"]);
  await expect(asSeen.locator("dd")).toHaveText(["The parcel never came (1)", "email"]);
  await expect(asSeen).toContainText("Hidden from annotators (leads and exports keep them): gold");
  await expect(asSeen).not.toContainText(SECRET);
  await expectAccessible(page);
  await screenshot(page, "import-nested-mapping");

  await page.getByRole("button", { name: "Import nested.jsonl" }).click();
  await expect(page.getByText("Imported 3 items.")).toBeVisible();
  await screenshot(page, "import-nested-done");

  // Stored as mapped, and `gold` is now one of the project's hidden fields.
  const project = (await (await adminApi.get(`/api/v1/projects/${id}`)).json()) as { hiddenFields: string[] };
  expect(project.hiddenFields).toEqual(["gold"]);
  const list = (await (await adminApi.get(`/api/v1/projects/${id}/items`)).json()) as {
    items: { id: string; externalId: string }[];
  };
  expect(list.items.map((i) => i.externalId)).toEqual(["n1", "n2", "n3"]);
  const second = (await (await adminApi.get(`/api/v1/projects/${id}/items/${list.items[1].id}`)).json()) as {
    data: Record<string, unknown>;
  };
  expect(second.data).toEqual({ text: "The parcel never came (2)", gold: `${SECRET}-2`, source: "chat" });

  // The annotator is served the renamed text, never the hidden field.
  const context = await browser.newContext();
  const annotator = await context.newPage();
  await signIn(annotator, DEMO.annotator);
  await annotator.goto(`/projects/${id}/queue`);
  await expect(annotator.getByRole("heading", { level: 2, name: /^Item n\d/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(annotator.locator("body")).toContainText("The parcel never came");
  await expect(annotator.locator("body")).not.toContainText(SECRET);
  await context.close();
});

test("a .jsonl.gz is previewed in the browser and sent compressed; a Label Studio export is recognised", async ({
  page,
  adminApi,
}) => {
  const id = await newProject(adminApi, "Gzip");
  const records = [
    {
      externalId: "g1",
      data: { text: "Loved it" },
      annotations: [{ annotator: "crowd-7", values: { sentiment: "pos" } }],
    },
    {
      externalId: "g2",
      data: { text: "Hated it" },
      annotations: [{ annotator: "crowd-7", values: { sentiment: "neg" } }],
    },
  ];
  await openImport(page, id);
  const encodings: (string | undefined)[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes(`/api/v1/projects/${id}/items`)) {
      encodings.push(request.headers()["content-encoding"]);
    }
  });
  await page.getByLabel(/^File/).setInputFiles({
    name: "history.jsonl.gz",
    mimeType: "application/gzip",
    buffer: gzipSync(jsonl(records)),
  });
  await expect(page.getByText("First 2 records (decompressed from gzip)")).toBeVisible();
  await expect(page.getByRole("cell", { name: "g2" })).toBeVisible();
  await expect(page.getByLabel("Format")).toHaveValue("concord");
  await page.getByRole("button", { name: "Import history.jsonl.gz" }).click();
  await expect(page.getByText("Imported 2 items.")).toBeVisible();
  await expect(page.getByText("Imported 2 annotations with them.")).toBeVisible();
  expect(encodings).toEqual(["gzip"]);
  await expect(page.getByRole("cell", { name: "history.jsonl.gz" })).toBeVisible();
  await screenshot(page, "import-gzip-done");

  // The item page says where each label came from.
  await page.goto(`/projects/${id}/items`);
  await page.getByRole("link", { name: "g1", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Item g1" })).toBeVisible();
  const row = page.getByRole("row", { name: /crowd-7/ });
  await expect(row).toContainText("pos");
  await expect(row).toContainText("Imported: history");
  await screenshot(page, "item-imported-source");
  await expectAccessible(page);
  await page.goto(`/projects/${id}/import`);
  await expect(page.getByRole("heading", { name: "Import items" })).toBeVisible();

  const tasks = [
    { id: 41, data: { text: "Fine, I guess" }, annotations: [{ completed_by: 3, result: [] }] },
    {
      id: 42,
      data: { text: "Superb" },
      annotations: [
        {
          completed_by: 3,
          result: [{ from_name: "sentiment", type: "choices", value: { choices: ["pos"] } }],
        },
      ],
    },
  ];
  await page.getByLabel(/^File/).setInputFiles({
    name: "ls-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(tasks)),
  });
  await expect(page.getByLabel("Format")).toHaveValue("label-studio");
  await expect(page.getByText("Detected from the file: Label Studio JSON export.")).toBeVisible();
  await expect(page.getByRole("region", { name: "The first item as annotators will see it" })).toContainText(
    "Fine, I guess",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import ls-export.json" }).click();
  await expect(page.getByText("Imported 2 items.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "label-studio" })).toBeVisible();
});

test("skipping bad records imports the good ones and lists and downloads the rejects", async ({
  page,
  adminApi,
}) => {
  const id = await newProject(adminApi, "Skip");
  const file = [
    '{"data": {"text": "good one"}}',
    '{"data": "not an object"}',
    '{"data": {"text": "good two"}}',
    "{oops",
    '{"data": {"text": "good three"}, "colour": "red"}',
  ].join("\n");
  await openImport(page, id);
  await page
    .getByLabel(/^File/)
    .setInputFiles({ name: "mixed.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  // The preview names the broken line, and the upload stays possible.
  await expect(page.getByText(/A record at the start of the file is broken \(line 4: /)).toBeVisible();
  // All or nothing by default: the refused file changes nothing, not even the field it was to hide.
  await fieldRow(page, "text").getByLabel("Hide").check();
  await page.getByRole("button", { name: "Import mixed.jsonl" }).click();
  await expect(page.getByText(/Nothing was imported: 3 problem/)).toBeVisible();
  const hiddenAfterRefusal = await (await adminApi.get(`/api/v1/projects/${id}`)).json();
  expect((hiddenAfterRefusal as { hiddenFields: string[] }).hiddenFields).toEqual([]);
  await fieldRow(page, "text").getByLabel("Hide").uncheck();
  await page.getByLabel("Skip bad records").check();
  await page.getByRole("button", { name: "Import mixed.jsonl" }).click();
  await expect(page.getByText("Imported 2 items.")).toBeVisible();
  await expect(page.getByText("Skipped 3 bad records:")).toBeVisible();
  const rejects = page.getByRole("list", { name: "Rejected records" }).getByRole("listitem");
  await expect(rejects).toHaveText([
    /^line 2 · data · data must be an object, got a string$/,
    /^line 4 · \(record\) · invalid JSON/,
    /^line 5 · colour · unknown field/,
  ]);
  await expectAccessible(page);
  await screenshot(page, "import-skipped");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the rejects (JSONL)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("mixed.rejects.jsonl");
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; record?: unknown; source?: string });
  expect(lines.map((l) => l.line)).toEqual([2, 4, 5]);
  expect(lines[0].record).toEqual({ data: "not an object" });
  expect(lines[1].source).toBe("{oops");
  expect(lines[2].record).toEqual({ data: { text: "good three" }, colour: "red" });

  const list = (await (await adminApi.get(`/api/v1/projects/${id}/items`)).json()) as {
    items: { preview: string }[];
  };
  expect(list.items.map((i) => i.preview)).toEqual(["good one", "good two"]);
});
