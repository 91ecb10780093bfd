// bench:queue's output: the runs, their ratios to the bare-SQL baseline, the history and webhook
// comparisons, judged against the targets, as one JSON document on stdout.
import { againstBaseline, judgeTargets } from "./bench-setup";
import type { runQueueBaseline } from "./queue-baseline";
import type { historySummary } from "./queue-history";
import type { TQueueRun } from "./queue-run";
import type { drainAndCount } from "./bench-webhooks";
import type { webhookComparison } from "./webhook-comparison";

/** Prints the JSON of the whole run, judged against its targets. */
export function reportQueue(
  config: { annotators: number; seconds: number; servers: number; history: boolean; webhookSlow: boolean },
  result: {
    baseline: Awaited<ReturnType<typeof runQueueBaseline>>;
    runs: TQueueRun[];
    history: Awaited<ReturnType<typeof historySummary>> | null;
    withHook: ReturnType<typeof webhookComparison> | null;
    webhooks: Awaited<ReturnType<typeof drainAndCount>> | null;
  },
) {
  const { baseline, runs, history, withHook, webhooks } = result;
  const bySize = [...runs].sort((a, b) => b.items - a.items);
  const [big, small] = [bySize[0], bySize[bySize.length - 1]];
  const p50RatioLargeToSmall =
    !config.history && !config.webhookSlow && bySize.length > 1
      ? Number((big.claimMs.p50 / small.claimMs.p50).toFixed(2))
      : null;
  const versusBaseline = runs.map((r) => ({
    run: r.name,
    cyclesPerSecond: againstBaseline(r.cyclesPerSecond, baseline.cyclesPerSecond, "cycles/s"),
    claimP99: againstBaseline(r.claimMs.p99, baseline.claimMs.p99, "ms"),
  }));
  const missed = judgeTargets(
    Object.fromEntries([
      ...runs.flatMap((r) => [
        [`${r.name}: no errors`, r.errors === 0],
        [`${r.name}: audit clean`, !r.audit.duplicates && !r.audit.overshoot && !r.audit.counter_mismatch],
        [`${r.name}: cycles/s >= 300`, r.cyclesPerSecond >= 300],
        [`${r.name}: claim p99 <= 50 ms`, r.claimMs.p99 <= 50],
      ]),
      ...versusBaseline.flatMap((v) => [
        [`${v.run}: cycles/s >= 0.7x baseline`, (v.cyclesPerSecond.ratio ?? 0) >= 0.7],
        [`${v.run}: claim p99 <= 1.5x baseline`, (v.claimP99.ratio ?? Infinity) <= 1.5],
      ]),
      ...Object.entries(history?.ratioToEmpty ?? {}).map(([name, r]) => [
        `history: ${name} <= 1.2x empty`,
        r <= 1.2,
      ]),
      ["p50 ratio <= 1.5", p50RatioLargeToSmall === null || p50RatioLargeToSmall <= 1.5],
      ...(withHook
        ? [
            ["median cycles/s with a slow hook within 5% of without", withHook.slowWithin5Percent],
            ["median cycles/s with a dead hook within 5% of without", withHook.neverWithin5Percent],
            ["every event delivered once the receiver recovered", webhooks?.everyEventDeliveredOnce ?? false],
          ]
        : []),
    ]),
  );
  console.log(
    JSON.stringify(
      {
        benchmark: "queue",
        annotators: config.annotators,
        seconds: config.seconds,
        servers: config.servers,
        baseline: { work: "bare SQL claim + complete, one statement each", ...baseline },
        runs,
        versusBaseline,
        history,
        p50RatioLargeToSmall,
        ...(config.webhookSlow && withHook
          ? {
              withHook: {
                conditions:
                  "each run on a fresh project of the same size, after VACUUM ANALYZE and CHECKPOINT; " +
                  "autovacuum held off every table from the first run to the last; order rotated by round",
                ...withHook,
                // each variant's median beside the same run's bare-SQL baseline
                versusBaseline: Object.fromEntries(
                  Object.entries(withHook.medianCyclesPerSecond).map(([variant, median]) => [
                    variant,
                    againstBaseline(median, baseline.cyclesPerSecond, "cycles/s"),
                  ]),
                ),
              },
              webhooks,
            }
          : {}),
        targets: {
          claimP99Ms: 50,
          cyclesPerSecond: 300,
          p50Ratio: 1.5,
          duplicates: 0,
          overshoot: 0,
          cyclesVsBaseline: 0.7,
          claimP99VsBaseline: 1.5,
          historyVsEmpty: 1.2,
        },
        missed,
      },
      null,
      2,
    ),
  );
}
