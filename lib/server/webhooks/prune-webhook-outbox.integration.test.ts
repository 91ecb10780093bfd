// The outbox does not grow forever: the delivery worker deletes delivered messages older than the
// retention period, and keeps everything else (recent deliveries, pending and failed messages).
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getPool } from "@/lib/db";
import { createTestProject } from "@/lib/testing/factories";
import { waitFor } from "@/lib/testing/webhook-receiver";
import { createWebhookWorker } from "./webhook-worker";

afterAll(async () => {
  await disconnectDb();
});

const DAY_MS = 24 * 60 * 60 * 1000;

describe("webhook outbox pruning", () => {
  it("the worker deletes delivered messages past the retention period and nothing else", async () => {
    const pool = getPool();
    const project = await createTestProject();
    const hook = await pool.query<{ id: string }>(
      `INSERT INTO webhooks (project_id, url, events, secret)
       VALUES ($1, 'http://127.0.0.1:9/hook', '["item.completed"]', $2) RETURNING id`,
      [project.id, `whsec_${Buffer.alloc(32, 7).toString("base64")}`],
    );
    const hookId = hook.rows[0].id;
    // [name, created days ago, delivered days ago, failed days ago]; none due, so no delivery runs.
    const rows: [string, number, number | null, number | null][] = [
      ["delivered long ago", 40, 40, null],
      ["delivered just past retention", 9, 8, null],
      ["delivered yesterday", 2, 1, null],
      ["delivered just inside retention", 7, 6.9, null],
      ["pending since long ago", 40, null, null],
      ["failed long ago", 41, null, 40],
    ];
    for (const [name, created, delivered, failed] of rows) {
      await pool.query(
        `INSERT INTO webhook_outbox (webhook_id, event_type, payload, created_at, next_attempt_at, delivered_at, failed_at)
         VALUES ($1, 'item.completed', jsonb_build_object('name', $2::text),
                 now() - make_interval(secs => $3), now() + interval '1 day',
                 now() - make_interval(secs => $4), now() - make_interval(secs => $5))`,
        [
          hookId,
          name,
          (created * DAY_MS) / 1000,
          delivered === null ? null : (delivered * DAY_MS) / 1000,
          failed === null ? null : (failed * DAY_MS) / 1000,
        ],
      );
    }
    const left = async () =>
      (
        await pool.query<{ name: string }>(
          "SELECT payload->>'name' AS name FROM webhook_outbox WHERE webhook_id = $1 ORDER BY id",
          [hookId],
        )
      ).rows.map((r) => r.name);
    expect(await left()).toHaveLength(6);

    // No delivery slots: this worker claims no message, so it cannot take (and, without the private
    // address allowance, fail) other test files' deliveries running at the same time.
    const worker = createWebhookWorker({
      pollMs: 10,
      retentionMs: 7 * DAY_MS,
      pruneEveryMs: 0,
      concurrency: 0,
      projectIds: [project.id],
    });
    worker.start();
    try {
      await waitFor(async () => (await left()).length === 4, "the old deliveries to go", 5000);
    } finally {
      await worker.stop();
    }
    expect(await left()).toEqual([
      "delivered yesterday",
      "delivered just inside retention",
      "pending since long ago",
      "failed long ago",
    ]);
  });
});
