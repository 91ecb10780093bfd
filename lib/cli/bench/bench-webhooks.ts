// The --webhook-slow part of bench:queue: a receiver on 127.0.0.1 that answers item.completed after
// 5 s (or never), hooked to one of two identical projects, to show that a slow receiver does not
// slow the submits, and that every event is delivered once the receiver recovers.
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

/** null: the project has no hook; otherwise how its receiver answers during the run. */
export type THook = null | "slow" | "never";

/** Each hooked run's cycles/s against the run without a hook: a slow or dead receiver must not slow submits. */
export function webhookComparison(runs: { hook: THook; cyclesPerSecond: number }[]) {
  const rate = (hook: THook) => runs.find((r) => r.hook === hook)?.cyclesPerSecond ?? 0;
  const without = rate(null);
  const change = (hook: THook) => Number((((rate(hook) - without) / without) * 100).toFixed(1));
  return {
    cyclesPerSecondWithoutHook: without,
    cyclesPerSecondSlowHook: rate("slow"),
    cyclesPerSecondDeadHook: rate("never"),
    slowChangePercent: change("slow"),
    neverChangePercent: change("never"),
    slowWithin5Percent: Math.abs(change("slow")) <= 5,
    neverWithin5Percent: Math.abs(change("never")) <= 5,
  };
}
