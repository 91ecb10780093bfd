// Shared by the benchmarks: a throwaway embedded PostgreSQL with a migrated database.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDatabase } from "@/lib/server/db/migrate";

export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    await migrateDatabase(process.env.BENCH_DATABASE_URL);
    return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "concord-bench-"));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
  await server.createDatabase("bench");
  const url = server.url("bench");
  await migrateDatabase(url);
  return {
    url,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Samples this process's resident set size; call the returned function to stop and get the peak in MB. */
export function trackPeakRss(intervalMs = 50): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
  };
}

/**
 * A benchmark's verdict on its own targets and audits: each entry is a check that must hold. Prints
 * the ones that do not, to stderr, and sets the exit status to 1 when any fails, so a script or CI
 * running a benchmark is told (the JSON on stdout lists them as `missed` too).
 */
export function judgeTargets(checks: Record<string, boolean>): string[] {
  const missed = Object.entries(checks)
    .filter(([, held]) => !held)
    .map(([name]) => name);
  if (missed.length) {
    console.error(`benchmark: missed ${missed.join(", ")}`);
    process.exitCode = 1;
  }
  return missed;
}

/**
 * A benchmark's own figure beside the same work done the plainest way (bare SQL, raw COPY), measured
 * in the same run on the same database: absolute figures differ twofold between machines, the
 * ratio much less.
 */
export function againstBaseline(own: number, baseline: number, unit: string) {
  return {
    unit,
    own: Number(own.toFixed(2)),
    baseline: Number(baseline.toFixed(2)),
    ratio: baseline > 0 ? Number((own / baseline).toFixed(2)) : null,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

/** p50, p95 and p99 of a list of milliseconds (sorted here). */
export function latencies(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** The middle of a list of timings (the upper middle of an even count), unrounded. */
export function median(ms: number[]): number {
  return [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}
