// The --webhook-slow part of bench:queue: a receiver on 127.0.0.1 that answers item.completed after
// 5 s (or never), hooked to projects of the same size as one without a hook, to show that a slow
// receiver does not slow the submits, and that every event is delivered once the receiver recovers.
import type pg from "pg";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";

export type TReceiverMode = "slow" | "never" | "ok";

/** The app processes' settings for the run: private targets allowed, quick retries once it recovers. */
export const WEBHOOK_BENCH_ENV = {
  CONCORD_WEBHOOK_ALLOW_PRIVATE: "1",
  CONCORD_WEBHOOK_TIMEOUT_MS: "7000",
  CONCORD_WEBHOOK_BACKOFF_MS: "1000",
  CONCORD_WEBHOOK_POLL_MS: "200",
};

export async function startBenchReceiver() {
  const state = { mode: "slow" as TReceiverMode };
  const receiver = await startWebhookReceiver(() =>
    state.mode === "never" ? "never" : { status: 200, delayMs: state.mode === "slow" ? 5000 : 0 },
  );
  return { ...receiver, state };
}

export async function hookProject(pool: pg.Pool, projectId: string, url: string): Promise<void> {
  await pool.query(
    `INSERT INTO webhooks (project_id, url, events, secret) VALUES ($1, $2, '["item.completed"]', $3)`,
    [projectId, url, `whsec_${Buffer.alloc(32, 7).toString("base64")}`],
  );
}

/** Once the receiver answers again: waits until the hooked projects' outbox is delivered, then counts. */
export async function drainAndCount(
  pool: pg.Pool,
  projectIds: string[],
  received: { headers: Record<string, unknown>; body: string }[],
  log: (line: string) => void,
) {
  const started = performance.now();
  const count = async () =>
    (
      await pool.query<{
        events: number;
        delivered: number;
        failed: number;
        completed: number;
        max_attempts: number;
      }>(
        `SELECT (SELECT count(*)::int FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.project_id = ANY($1::uuid[])) AS events,
                (SELECT count(*)::int FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.project_id = ANY($1::uuid[]) AND o.delivered_at IS NOT NULL) AS delivered,
                (SELECT count(*)::int FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.project_id = ANY($1::uuid[]) AND o.failed_at IS NOT NULL) AS failed,
                (SELECT coalesce(max(o.attempts), 0)::int FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id WHERE w.project_id = ANY($1::uuid[])) AS max_attempts,
                (SELECT count(*)::int FROM items WHERE project_id = ANY($1::uuid[]) AND done_count >= target_count) AS completed`,
        [projectIds],
      )
    ).rows[0];
  let c = await count();
  while (c.delivered + c.failed < c.events && performance.now() - started < 10 * 60_000) {
    log(`draining the outbox: ${c.delivered}/${c.events} delivered`);
    await new Promise((r) => setTimeout(r, 2000));
    c = await count();
  }
  const ids = received.map((m) => String(m.headers["webhook-id"]));
  const distinct = new Set(ids).size;
  return {
    itemsCompleted: c.completed,
    events: c.events,
    delivered: c.delivered,
    failed: c.failed,
    maxAttempts: c.max_attempts,
    receivedRequests: ids.length,
    receivedDistinct: distinct,
    // repeats are the retries of messages whose receiver never answered (at least once delivery)
    everyEventDeliveredOnce: c.delivered === c.events && c.events === c.completed && distinct === c.events,
    drainSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}

const undelivered = `FROM webhooks w WHERE w.id = o.webhook_id AND w.project_id = ANY($1::uuid[])
                       AND o.delivered_at IS NULL AND o.failed_at IS NULL`;

/**
 * Puts the earlier runs' undelivered messages out of the workers' reach (due in a day), so each run
 * starts with no backlog of the one before: a slow run's thousands of pending messages would
 * otherwise be delivered during the next run, whatever its variant.
 */
export async function parkOutbox(pool: pg.Pool, projectIds: string[]): Promise<void> {
  await pool.query(`UPDATE webhook_outbox o SET next_attempt_at = now() + interval '1 day' ${undelivered}`, [
    projectIds,
  ]);
}

/** Makes every parked message due now, for the drain once the receiver recovers. */
export async function releaseOutbox(pool: pg.Pool, projectIds: string[]): Promise<void> {
  await pool.query(`UPDATE webhook_outbox o SET next_attempt_at = now() ${undelivered}`, [projectIds]);
}
