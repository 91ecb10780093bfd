import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as freezeRoute } from "@/app/api/v1/eval-sets/[id]/freeze/route";
import { POST as createSetRoute } from "@/app/api/v1/projects/[id]/eval-sets/route";
import { PUT as updateDefinitionRoute } from "@/app/api/v1/projects/[id]/label-definitions/[key]/route";
import { GET as deliveriesRoute } from "@/app/api/v1/projects/[id]/webhooks/[hookId]/deliveries/route";
import { POST as testEventRoute } from "@/app/api/v1/projects/[id]/webhooks/[hookId]/test/route";
import { GET as listHooksRoute, POST as createHookRoute } from "@/app/api/v1/projects/[id]/webhooks/route";
import { disconnectDb, getPool } from "@/lib/db";
import { callRoute } from "@/lib/testing/call-route";
import { createTestProject, createTestUser, uniqueName } from "@/lib/testing/factories";
import { claimAs, createLabelingProject, submitAs } from "@/lib/testing/queue-fixtures";
import { startWebhookReceiver, waitFor, type TReceived } from "@/lib/testing/webhook-receiver";
import { createWebhook } from "./create-webhook";
import { createWebhookWorker } from "./webhook-worker";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  delete process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE;
});
afterAll(async () => {
  await disconnectDb();
});

/** `n` workers that take only `projectId`'s messages: other test files write to the same outbox. */
function workers(n: number, projectId: string, options: Parameters<typeof createWebhookWorker>[0] = {}) {
  const started = Array.from({ length: n }, () =>
    createWebhookWorker({ pollMs: 10, timeoutMs: 2000, projectIds: [projectId], ...options }),
  );
  for (const w of started) w.start();
  cleanups.push(async () => {
    await Promise.all(started.map((w) => w.stop()));
  });
  return started;
}

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const r = await startWebhookReceiver(...args);
  cleanups.push(r.close);
  return r;
}

/** Standard Webhooks' signature, computed here from the spec with node's crypto, not by Concord's code. */
function expectSigned(r: TReceived, secret: string) {
  const id = String(r.headers["webhook-id"]);
  const timestamp = String(r.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${r.body}`).digest("base64");
  expect(String(r.headers["webhook-signature"]).split(" ")).toContain(`v1,${expected}`);
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
  // and the reference library agrees
  expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
  expect(() =>
    new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(
      r.body,
      r.headers as Record<string, string>,
    ),
  ).toThrow();
}

async function labelEverything(s: Awaited<ReturnType<typeof createLabelingProject>>) {
  // Every annotator labels until the queue is empty, concurrently, all with one value: the freeze needs
  // items with a final label whoever labeled which. ("pos" from one annotator and "neg" from the two
  // others left no majority on any item when the first one happened to label all four: a flake.)
  await Promise.all(
    s.annotators.map(async (a) => {
      for (;;) {
        const served = await claimAs(a.token, s.params);
        if (served.status !== 200) return;
        const res = await submitAs(a.token, served.body.assignmentId, { sentiment: "pos" });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    }),
  );
}

describe("webhooks", () => {
  it("refuses URLs that are not http(s) or reach private addresses (422 naming url), and non-leads", async () => {
    const s = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const create = (url: string, token = s.lead.token) =>
      callRoute(createHookRoute, { token, params: s.params, json: { url, events: ["item.completed"] } });
    for (const url of [
      "ftp://example.com/hook",
      "javascript:alert(1)",
      "http://user:pw@example.com/",
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.7/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://0x7f000001/hook",
      "https://nothing.invalid/hook",
    ]) {
      const res = await create(url);
      expect(res.status, url).toBe(422);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        url,
      ).toEqual(["url"]);
    }
    const badSecret = await callRoute(createHookRoute, {
      token: s.lead.token,
      params: s.params,
      json: { url: "http://127.0.0.1/", events: ["nope"], secret: "plain" },
    });
    expect(badSecret.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["events.0", "secret"]);
    expect((await create("http://127.0.0.1:8080/hook", s.annotators[0].token)).status).toBe(403);
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    expect((await create("http://127.0.0.1:8080/hook")).status).toBe(201);
    const { rows } = await getPool().query("SELECT count(*)::int AS n FROM webhooks WHERE project_id = $1", [
      s.project.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it("delivers each event once, signed, with two workers running: items, batch, definition version, freeze", async () => {
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    const r = await receiver();
    const s = await createLabelingProject({ items: 4, overlap: 2, annotators: 3 });
    const hook = await callRoute(createHookRoute, {
      token: s.lead.token,
      params: s.params,
      json: {
        url: r.url,
        events: ["item.completed", "batch.completed", "definition.version_created", "eval_set.frozen"],
      },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await callRoute(listHooksRoute, { token: s.lead.token, params: s.params });
    expect(JSON.stringify(listed.body)).not.toContain(hook.body.secret);
    workers(2, s.project.id);
    await labelEverything(s);
    const v2 = await callRoute(updateDefinitionRoute, {
      method: "PUT",
      token: s.lead.token,
      params: { ...s.params, key: "sentiment" },
      json: { key: "sentiment", kind: "single_choice", options: [{ key: "pos" }, { key: "neg" }] },
    });
    expect(v2.status).toBe(200);
    const set = await callRoute(createSetRoute, {
      token: s.lead.token,
      params: s.params,
      json: { name: uniqueName("set") },
    });
    const frozen = await callRoute(freezeRoute, {
      method: "POST",
      token: s.lead.token,
      params: { id: set.body.id },
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

    await waitFor(() => r.received.length >= 7, "7 deliveries");
    await new Promise((done) => setTimeout(done, 300)); // room for a duplicate to show up, if any
    const types = r.received.map((m) => JSON.parse(m.body).type).sort();
    expect(types).toEqual([
      "batch.completed",
      "definition.version_created",
      "eval_set.frozen",
      "item.completed",
      "item.completed",
      "item.completed",
      "item.completed",
    ]);
    const ids = r.received.map((m) => m.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(7);
    for (const m of r.received) expectSigned(m, hook.body.secret);
    const itemIds = r.received
      .filter((m) => JSON.parse(m.body).type === "item.completed")
      .map((m) => JSON.parse(m.body).data.itemId);
    const { rows } = await getPool().query<{ id: string }>(
      "SELECT id::text FROM items WHERE project_id = $1 ORDER BY id",
      [s.project.id],
    );
    expect(itemIds.sort()).toEqual(rows.map((x) => x.id).sort());
    const freeze = JSON.parse(r.received.find((m) => JSON.parse(m.body).type === "eval_set.frozen")!.body);
    expect(freeze.data).toMatchObject({
      evalSetId: set.body.id,
      version: 1,
      sha256: frozen.body.sha256,
      projectId: s.project.id,
    });

    const log = await callRoute(deliveriesRoute, {
      token: s.lead.token,
      params: { ...s.params, hookId: hook.body.id },
    });
    expect(log.body.deliveries).toHaveLength(7);
    for (const d of log.body.deliveries)
      expect(d).toMatchObject({ state: "delivered", attempts: 1, responseStatus: 204 });
  });

  it("retries a failing receiver with backoff: it fails twice, the third try is delivered", async () => {
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    const r = await receiver((n) => ({ status: n <= 2 ? 503 : 200 }));
    const s = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const hook = await callRoute(createHookRoute, {
      token: s.lead.token,
      params: s.params,
      json: { url: r.url, events: ["item.completed"] },
    });
    workers(2, s.project.id, { backoffBaseMs: 100 });
    await labelEverything(s);
    await waitFor(() => r.received.length >= 3, "the third attempt");
    await new Promise((done) => setTimeout(done, 500));
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((m) => m.headers["webhook-id"])).size).toBe(1);
    const params = { ...s.params, hookId: hook.body.id };
    await waitFor(
      async () =>
        (await callRoute(deliveriesRoute, { token: s.lead.token, params })).body.deliveries[0].state ===
        "delivered",
      "delivered state",
    );
    const log = await callRoute(deliveriesRoute, { token: s.lead.token, params });
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({
        event: "item.completed",
        state: "delivered",
        attempts: 3,
        responseStatus: 200,
        error: null,
      }),
    ]);
  });

  it("checks the address again at delivery: a name that now resolves to loopback is refused", async () => {
    const r = await receiver();
    const s = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    let answer = "93.184.216.34";
    const resolve = async () => [answer];
    const url = `http://hooks.example.test:${r.port}/hook`;
    const hook = await createWebhook(s.project.id, { url, events: ["item.completed"] }, s.lead, resolve);
    answer = "127.0.0.1"; // the DNS record changed after the check at creation
    const [worker] = workers(1, s.project.id, { resolve, backoffBaseMs: 60_000 });
    await labelEverything(s);
    const params = { ...s.params, hookId: hook.id };
    await waitFor(
      async () =>
        (await callRoute(deliveriesRoute, { token: s.lead.token, params })).body.deliveries[0]?.attempts ===
        1,
      "one attempt",
    );
    const log = await callRoute(deliveriesRoute, { token: s.lead.token, params });
    expect(log.body.deliveries[0]).toMatchObject({ state: "pending", responseStatus: null });
    expect(log.body.deliveries[0].error).toMatch(/refused: hooks\.example\.test resolves to 127\.0\.0\.1/);
    expect(r.received).toHaveLength(0);
    await worker.stop();
    // where private targets are allowed, the same delivery goes to the address resolved, the
    // receiver on 127.0.0.1, though the URL names a host no DNS server knows
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    await getPool().query("UPDATE webhook_outbox SET next_attempt_at = now() WHERE webhook_id = $1", [
      hook.id,
    ]);
    workers(1, s.project.id, { resolve });
    await waitFor(() => r.received.length === 1, "delivery to the pinned address");
    expect(r.received[0].headers.host).toBe(`hooks.example.test:${r.port}`);
  });

  it("a worker given projects sends and prunes only their messages: another project's wait for its own worker", async () => {
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    const pool = getPool();
    const [mine, theirs] = [await receiver(), await receiver()];
    const projects = [await createTestProject(), await createTestProject()];
    const hooks: string[] = [];
    for (const [n, r] of [mine, theirs].entries()) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO webhooks (project_id, url, events, secret) VALUES ($1, $2, '["item.completed"]', $3) RETURNING id`,
        [projects[n].id, r.url, `whsec_${Buffer.alloc(32, 3).toString("base64")}`],
      );
      hooks.push(rows[0].id);
      // one message due now, and one delivered long before any retention period
      await pool.query(
        `INSERT INTO webhook_outbox (webhook_id, event_type, payload, created_at, delivered_at)
         VALUES ($1, 'item.completed', '{"type": "item.completed"}', now(), NULL),
                ($1, 'item.completed', '{"type": "old"}', now() - interval '40 days', now() - interval '40 days')`,
        [rows[0].id],
      );
    }
    const left = async (hookId: string) =>
      (
        await pool.query<{ type: string; attempts: number; delivered: boolean }>(
          `SELECT payload->>'type' AS type, attempts, delivered_at IS NOT NULL AS delivered
             FROM webhook_outbox WHERE webhook_id = $1 ORDER BY id`,
          [hookId],
        )
      ).rows;
    const [worker] = workers(1, projects[0].id, { retentionMs: 24 * 60 * 60 * 1000, pruneEveryMs: 0 });
    await waitFor(() => mine.received.length === 1, "the first project's message");
    await waitFor(async () => (await left(hooks[0])).length === 1, "the first project's old message pruned");
    await new Promise((done) => setTimeout(done, 300)); // room for the other project's to be taken, if it were
    await worker.stop();
    expect(theirs.received).toHaveLength(0);
    expect(await left(hooks[1])).toEqual([
      { type: "item.completed", attempts: 0, delivered: false },
      { type: "old", attempts: 0, delivered: true },
    ]);
    workers(1, projects[1].id);
    await waitFor(() => theirs.received.length === 1, "the second project's message, by its own worker");
    expect(mine.received).toHaveLength(1);
  });

  it("a lead's test event reaches the receiver and shows in the delivery log", async () => {
    process.env.CONCORD_WEBHOOK_ALLOW_PRIVATE = "1";
    const r = await receiver();
    const s = await createLabelingProject({ items: 1, overlap: 1, annotators: 1 });
    const hook = await callRoute(createHookRoute, {
      token: s.lead.token,
      params: s.params,
      json: { url: r.url, events: ["eval_set.frozen"] },
    });
    const params = { ...s.params, hookId: hook.body.id };
    expect(
      (await callRoute(testEventRoute, { method: "POST", token: s.annotators[0].token, params })).status,
    ).toBe(403);
    const outsider = await createTestUser();
    expect((await callRoute(testEventRoute, { method: "POST", token: outsider.token, params })).status).toBe(
      404,
    );
    const sent = await callRoute(testEventRoute, { method: "POST", token: s.lead.token, params });
    expect(sent.status).toBe(202);
    workers(1, s.project.id);
    await waitFor(() => r.received.length === 1, "the test event");
    expect(r.received[0].headers["webhook-id"]).toBe(sent.body.messageId);
    expect(JSON.parse(r.received[0].body)).toMatchObject({
      type: "webhook.test",
      data: { webhookId: hook.body.id },
    });
    expectSigned(r.received[0], hook.body.secret);
  });
});
