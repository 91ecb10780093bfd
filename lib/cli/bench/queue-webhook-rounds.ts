// bench:queue --webhook-slow: an uncounted warm-up run, then `rounds` rounds of the three variants
// (no hook, a receiver answering after 5 s, one never answering) in rotated order, each run on a
// fresh project of the same size with no delivery backlog from the runs before; then the receiver
// recovers and every event of every hooked run must be delivered once.
import type { Pool } from "pg";
import {
  drainAndCount,
  hookProject,
  parkOutbox,
  releaseOutbox,
  startBenchReceiver,
  WEBHOOK_BENCH_ENV,
} from "./bench-webhooks";
import type { TQueueRun } from "./queue-run";
import { hookOrder, webhookComparison, type THook } from "./webhook-comparison";

type TProject = { id: string; items: number };

export async function runWebhookRounds(options: {
  pool: Pool;
  rounds: number;
  warmupSeconds: number;
  seed: () => Promise<TProject>;
  measure: (name: string, project: TProject, seconds?: number) => Promise<TQueueRun>;
  log: (line: string) => void;
}) {
  const { pool, log } = options;
  const receiver = await startBenchReceiver();
  // A parked message may still be in flight: it ends (answered, or given up at the timeout) and is
  // rescheduled a little later; parking again after this long catches it.
  const settleMs = Number(WEBHOOK_BENCH_ENV.CONCORD_WEBHOOK_TIMEOUT_MS) + 1000;
  const hooked: string[] = [];
  const runs: (TQueueRun & { hook: THook; round: number })[] = [];
  // The warm-up has a slow hook, so delivery's code paths are warm too before round 1.
  const plan: { hook: THook; round: number }[] = [
    { hook: "slow", round: -1 },
    ...Array.from({ length: options.rounds }, (_, round) =>
      hookOrder(round).map((hook) => ({ hook, round })),
    ).flat(),
  ];
  try {
    for (const { hook, round } of plan) {
      const parked = [...hooked];
      await parkOutbox(pool, parked);
      const parkedAt = performance.now();
      const project = await options.seed();
      if (hook) {
        await hookProject(pool, project.id, receiver.url);
        hooked.push(project.id);
        receiver.state.mode = hook;
      }
      if (parked.length) {
        await new Promise((r) => setTimeout(r, Math.max(0, settleMs - (performance.now() - parkedAt))));
        await parkOutbox(pool, parked);
      }
      // Each run starts from the same state: every table vacuumed and analyzed (autovacuum is held off
      // during the comparison, bench-queue.ts), and a checkpoint, so that neither the garbage nor the
      // dirty pages of the run before land in this one.
      await pool.query("VACUUM ANALYZE");
      await pool.query("CHECKPOINT");
      const name =
        round < 0 ? `warm-up (not counted), hook ${hook}` : `round ${round + 1}, hook ${hook ?? "none"}`;
      const run = await options.measure(name, project, round < 0 ? options.warmupSeconds : undefined);
      runs.push({ ...run, hook, round });
    }
    receiver.state.mode = "ok";
    await releaseOutbox(pool, hooked);
    const webhooks = await drainAndCount(pool, hooked, receiver.received, log);
    return {
      runs,
      withHook: webhookComparison(runs.filter((r) => r.round >= 0)),
      webhooks,
    };
  } finally {
    await receiver.close();
  }
}
