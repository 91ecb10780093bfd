import "server-only";
import type pg from "pg";
import { createDedicatedClient, onDisconnect } from "@/lib/db";

/**
 * API callers by token hash, kept for up to a minute so the queue's hot path does not look its
 * token up on every request. Safe across processes: a trigger announces on `concord_auth` every
 * change that could end a caller's access (revoked token, disabled or demoted user, ...), and each
 * process drops everything it cached when it hears one. The cache is used only while this process
 * is listening; if the listening connection fails, it is emptied and bypassed until it is back.
 * `CONCORD_CALLER_CACHE=off` turns it off (e.g. behind a transaction-pooling PgBouncer, where
 * LISTEN does not work).
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const CHANNEL = "concord_auth";

type TEntry<T> = { value: T; expiresAt: number };

const state = globalThis as unknown as {
  concordCallerCache?: {
    entries: Map<string, TEntry<unknown>>;
    /** Counts the times the cache was emptied: a value loaded across one is not kept. */
    generation: number;
    listener: pg.Client | null;
    listening: boolean;
    connecting: Promise<void> | null;
    retry: NodeJS.Timeout | null;
    stopped: boolean;
  };
};

function cache() {
  if (!state.concordCallerCache) onDisconnect(stopCallerCache);
  state.concordCallerCache ??= {
    entries: new Map(),
    generation: 0,
    listener: null,
    listening: false,
    connecting: null,
    retry: null,
    stopped: false,
  };
  return state.concordCallerCache;
}

function clear(c: ReturnType<typeof cache>): void {
  c.generation++;
  c.entries.clear();
}

function enabled(): boolean {
  return process.env.CONCORD_CALLER_CACHE !== "off" && Boolean(process.env.DATABASE_URL);
}

function listen(): void {
  const c = cache();
  if (c.listening || c.connecting || c.stopped || !enabled()) return;
  const client = createDedicatedClient();
  const fail = () => {
    clear(c);
    c.listening = false;
    if (c.listener === client) c.listener = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    client.end().catch(() => undefined);
    if (!c.stopped && !c.retry) {
      c.retry = setTimeout(() => {
        c.retry = null;
        listen();
      }, 1_000);
      c.retry.unref();
    }
  };
  client.on("notification", () => clear(c));
  client.on("error", fail);
  client.on("end", fail);
  c.connecting = client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      // Anything cached before now may predate a change this connection never heard about.
      clear(c);
      c.listener = client;
      c.listening = !c.stopped;
      // The listener must not keep a finished process (a CLI, a test run) alive.
      (
        client as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
    })
    .catch(fail)
    .finally(() => {
      c.connecting = null;
    });
}

/** The cached value for `key`, or what `load` returns (cached only while this process listens). */
export async function cachedCaller<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!enabled()) return load();
  const c = cache();
  listen();
  const hit = c.entries.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.value as T;
  const generation = c.generation;
  const wasListening = c.listening;
  const value = await load();
  // Only a value loaded entirely while listening, with no change heard meanwhile, is kept.
  if (wasListening && c.listening && c.generation === generation) {
    if (c.entries.size >= MAX_ENTRIES) c.entries.clear();
    c.entries.set(key, { value, expiresAt: Date.now() + TTL_MS });
  }
  return value;
}

/** Drops every cached caller of this process now (the others hear the trigger's notification). */
export function forgetCachedCallers(): void {
  if (state.concordCallerCache) clear(state.concordCallerCache);
}

/** Stops listening; disconnectDb runs it (tests and CLIs closing their connections). */
async function stopCallerCache(): Promise<void> {
  const c = state.concordCallerCache;
  if (!c) return;
  c.stopped = true;
  clear(c);
  c.listening = false;
  if (c.retry) clearTimeout(c.retry);
  await c.connecting;
  const client = c.listener;
  c.listener = null;
  if (client) {
    client.removeAllListeners();
    client.on("error", () => undefined);
    await client.end().catch(() => undefined);
  }
  state.concordCallerCache = undefined;
}
