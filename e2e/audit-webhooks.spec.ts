import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { DEMO, expect, expectAccessible, screenshot, signIn, test, unique } from "./fixtures";

/** A receiver on 127.0.0.1 (the e2e server allows private targets: CONCORD_WEBHOOK_ALLOW_PRIVATE=1). */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/concord`, received, close: () => server.close() };
}

test("a lead adds a webhook, sends a test event and sees it delivered; the audit trail shows who did it", async ({
  page,
  adminApi,
}) => {
  // Two pages, two axe runs and a delivery on a machine shared by many builds.
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const created = await adminApi.post("/api/v1/projects", { data: { name: unique("Hooks") } });
  const { id } = (await created.json()) as { id: string };
  expect(
    (
      await adminApi.post(`/api/v1/projects/${id}/members`, { data: { email: DEMO.lead, role: "lead" } })
    ).status(),
  ).toBe(201);

  await signIn(page, DEMO.lead);
  await page.goto(`/projects/${id}/settings`);
  await page.getByRole("link", { name: "Webhooks →" }).click();
  await page.getByLabel("URL").fill("ftp://example.com/hook");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("must be an http(s) URL without credentials")).toBeVisible();
  await page.getByLabel("URL").fill(receiver.url);
  await page.getByLabel("item.completed").check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "Send test event" }).click();
  const row = page.getByRole("row").filter({ hasText: "webhook.test" });
  await expect(row).toContainText("delivered", { timeout: 20_000 });
  await expect(row).toContainText("HTTP 204");
  expect(receiver.received).toHaveLength(1);
  const message = receiver.received[0];
  expect(() =>
    new Webhook(secret).verify(message.body, message.headers as Record<string, string>),
  ).not.toThrow();
  expect(JSON.parse(message.body)).toMatchObject({ type: "webhook.test", data: { projectId: id } });
  await expectAccessible(page);
  await screenshot(page, "webhooks");
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "webhook.created" })).toContainText(receiver.url);
  await expect(page.getByRole("row").filter({ hasText: "member.added" })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "audit");
  await page.getByLabel("Action").selectOption("member.added");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=member\.added/);
  await expect(page.getByRole("row").filter({ hasText: "webhook.created" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "member.added" })).toBeVisible();
  receiver.close();
});
