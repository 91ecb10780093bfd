import "server-only";
import { getLogger } from "@/lib/server/log/logger";

type TTimers = Map<string, NodeJS.Timeout>;

/**
 * Runs `pass` every `ms` milliseconds in this app process, for the background work every process
 * does (the lease sweep, the agreement applier): one pass at a time (a slow pass skips ticks
 * instead of piling up), started once per process however often it is asked (by `name`), never
 * keeping the process alive, and only with a database configured. A failed pass is logged with its
 * name and message (not its query parameters), and the next tick runs as usual.
 */
export function runEvery(name: string, ms: number, pass: () => Promise<unknown>): void {
  const holder = globalThis as unknown as { concordBackground?: TTimers };
  const timers = (holder.concordBackground ??= new Map());
  if (timers.has(name) || !process.env.DATABASE_URL) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pass()
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        getLogger().error({ task: name, message }, "background task failed");
      })
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  timers.set(name, timer);
}

/** Stops a task started by runEvery (tests). */
export function stopRunning(name: string): void {
  const timers = (globalThis as unknown as { concordBackground?: TTimers }).concordBackground;
  const timer = timers?.get(name);
  if (timer) clearInterval(timer);
  timers?.delete(name);
}
