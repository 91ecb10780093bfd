import "server-only";
import { getPool } from "@/lib/db";
import { numberSetting } from "@/lib/settings/number-settings";
import { backoffMs, RETRY_WINDOW_MS } from "@/lib/webhooks/backoff";
import { deliverWebhookMessage } from "./deliver-webhook-message";
import { pruneWebhookOutbox } from "./prune-webhook-outbox";
import { systemResolver, type TResolver } from "./resolve-webhook-target";

export type TWorkerOptions = {
  resolve?: TResolver;
  /** Per attempt; a receiver that does not answer in time counts as a failure. */
  timeoutMs?: number;
  /** The first retry's wait; later ones grow fourfold (lib/webhooks/backoff.ts). */
  backoffBaseMs?: number;
  /** Deliveries in flight at once in this process. */
  concurrency?: number;
  pollMs?: number;
  /** Delivered messages older than this are deleted from the outbox (and so from the delivery log). */
  retentionMs?: number;
  /** How often this process prunes the outbox. */
  pruneEveryMs?: number;
  /**
   * Only these projects' messages are claimed and pruned. For tests, whose files share one database:
   * a worker of one file must not send (or fail, or prune) another file's messages. The app's
   * workers take every project's.
   */
  projectIds?: readonly string[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

type TClaimed = {
  id: string;
  event_id: string;
  payload: unknown;
  created_at: Date;
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Delivers the outbox. Any number of processes run one: a claim takes due rows with FOR UPDATE
 * SKIP LOCKED and, in the same statement, moves their next attempt past the delivery's timeout, so
 * no other worker takes a message while it is being sent (and one that died mid-send is retried
 * once that lease runs out: at least once, the webhook-id header lets receivers drop repeats).
 * Sending happens outside any transaction: no connection waits on a receiver.
 */
export function createWebhookWorker(options: TWorkerOptions = {}) {
  const resolve = options.resolve ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? numberSetting("CONCORD_WEBHOOK_TIMEOUT_MS");
  const backoffBaseMs = options.backoffBaseMs ?? numberSetting("CONCORD_WEBHOOK_BACKOFF_MS");
  const concurrency = options.concurrency ?? 32;
  const pollMs = options.pollMs ?? numberSetting("CONCORD_WEBHOOK_POLL_MS");
  const retentionMs = options.retentionMs ?? numberSetting("CONCORD_WEBHOOK_RETENTION_DAYS") * DAY_MS;
  const pruneEveryMs = options.pruneEveryMs ?? 60 * 60 * 1000;
  const inFlight = new Set<Promise<void>>();
  let lastPrunedAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  let isClaiming = false;
  const scope = options.projectIds ? [...options.projectIds] : null;
  // Without a scope, the app's claim is this statement with nothing added (and so its plan).
  const inScope = scope
    ? "AND webhook_id IN (SELECT id FROM webhooks WHERE project_id = ANY($3::uuid[]))"
    : "";

  async function claim(limit: number): Promise<TClaimed[]> {
    const { rows } = await getPool().query<TClaimed>(
      `UPDATE webhook_outbox o
          SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         FROM webhooks w
        WHERE w.id = o.webhook_id
          AND o.id IN (SELECT id FROM webhook_outbox
                        WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() ${inScope}
                        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING o.id::text, o.event_id, o.payload, o.created_at, o.attempts, w.url, w.secret`,
      scope ? [limit, (timeoutMs + 30_000) / 1000, scope] : [limit, (timeoutMs + 30_000) / 1000],
    );
    return rows;
  }

  async function deliver(row: TClaimed): Promise<void> {
    const result = await deliverWebhookMessage(
      { eventId: row.event_id, payload: row.payload, url: row.url, secret: row.secret },
      { resolve, timeoutMs },
    );
    const isOk = result.status !== null && result.status >= 200 && result.status < 300;
    const error = isOk ? null : (result.error ?? `answered ${result.status}`);
    const isGivenUp = !isOk && Date.now() - row.created_at.getTime() >= RETRY_WINDOW_MS;
    await getPool().query(
      `UPDATE webhook_outbox
          SET last_status = $2, last_duration_ms = $3, last_error = $4,
              delivered_at = CASE WHEN $5 THEN now() END,
              failed_at = CASE WHEN $6 THEN now() END,
              next_attempt_at = CASE WHEN $5 OR $6 THEN next_attempt_at ELSE now() + make_interval(secs => $7) END
        WHERE id = $1`,
      [
        row.id,
        result.status,
        result.durationMs,
        error?.slice(0, 500) ?? null,
        isOk,
        isGivenUp,
        backoffMs(row.attempts, backoffBaseMs) / 1000,
      ],
    );
  }

  /** Claims what is due (up to the free slots) and starts sending it; returns how many it claimed. */
  async function tick(): Promise<number> {
    if (isClaiming || isStopped) return 0;
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    isClaiming = true;
    try {
      const rows = await claim(free);
      for (const row of rows) {
        const sending: Promise<void> = deliver(row)
          .catch((error) =>
            console.error("webhook delivery failed:", error instanceof Error ? error.message : error),
          )
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
      return rows.length;
    } finally {
      isClaiming = false;
    }
  }

  /** Prunes when the last prune is older than pruneEveryMs; never fails the delivery loop. */
  async function pruneWhenDue(): Promise<void> {
    if (Date.now() - lastPrunedAt < pruneEveryMs) return;
    lastPrunedAt = Date.now();
    await pruneWebhookOutbox(retentionMs, { projectIds: scope }).catch((error) =>
      console.error("webhook outbox prune failed:", error instanceof Error ? error.message : error),
    );
  }

  function loop() {
    if (isStopped) return;
    void pruneWhenDue()
      .then(tick)
      .catch((error) =>
        console.error("webhook claim failed:", error instanceof Error ? error.message : error),
      )
      .then((claimed) => {
        if (isStopped) return;
        timer = setTimeout(loop, claimed ? 0 : pollMs);
        timer.unref();
      });
  }

  return {
    tick,
    start() {
      isStopped = false;
      loop();
    },
    /** Stops claiming and waits for the deliveries under way. */
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
