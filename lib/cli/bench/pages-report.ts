// bench:pages's figures, pure: each read's cold and warm timings, its p95 as a ratio of the floor
// (a trivial authenticated read on the same server in the same run), and the checks its targets make.
import { againstBaseline, percentile } from "./bench-setup";

export type TReadKind = "floor" | "page" | "api" | "action";

/** What the report needs to know of a read (pages-reads.ts holds the requests themselves). */
export type TReadSpec = {
  name: string;
  kind: TReadKind;
  as: "lead" | "engineer" | "anyone";
  method: "GET" | "POST";
  path: string;
  /** Judged on the warm p95 when set. */
  limitMs?: number;
};

export type TReadSamples = { ms: number[]; errors: number; firstError: string | null };

export function timings(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: ms.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? Number(sorted[sorted.length - 1].toFixed(1)) : 0,
  };
}

/**
 * The first visit (cold: the route's code loaded, nothing cached) apart from the ones after it
 * (warm, while labeling goes on, which invalidates what labels feed).
 */
export function coldAndWarm(ms: number[]) {
  return {
    coldMs: ms.length ? Number(ms[0].toFixed(1)) : null,
    warmMs: timings(ms.slice(1)),
  };
}

export function summarizeReads(reads: TReadSpec[], samples: Record<string, TReadSamples>, floorName: string) {
  const floorP95 = coldAndWarm(samples[floorName]?.ms ?? []).warmMs.p95;
  const summaries = reads.map((read) => {
    const s = samples[read.name] ?? { ms: [], errors: 0, firstError: null };
    const { coldMs, warmMs } = coldAndWarm(s.ms);
    return {
      ...read,
      errors: s.errors,
      ...(s.firstError ? { firstError: s.firstError } : {}),
      coldMs,
      warmMs,
      p95VsFloor: againstBaseline(warmMs.p95, floorP95, "ms"),
    };
  });
  return { floorP95, reads: summaries };
}

/**
 * The targets' checks, by name: each judged read's warm p95 within its limit (and measured at
 * all), no read answering other than expected, and the queue's throughput with the readers at
 * least `minQueueRatio` of its throughput alone.
 */
export function pagesChecks(
  summary: ReturnType<typeof summarizeReads>,
  queue: { aloneCyclesPerSecond: number; withReadersCyclesPerSecond: number; minQueueRatio: number },
): Record<string, boolean> {
  const checks: Record<string, boolean> = {};
  for (const read of summary.reads) {
    if (read.limitMs !== undefined)
      checks[`${read.name}: warm p95 < ${read.limitMs} ms`] =
        read.warmMs.n > 0 && read.warmMs.p95 < read.limitMs;
    checks[`${read.name}: no errors`] = read.errors === 0;
  }
  const ratio =
    queue.aloneCyclesPerSecond > 0 ? queue.withReadersCyclesPerSecond / queue.aloneCyclesPerSecond : 0;
  checks[`queue with readers >= ${queue.minQueueRatio}x alone`] = ratio >= queue.minQueueRatio;
  return checks;
}
